/// The page's inline style sheet and its one small script. No web fonts, no external assets:
/// the fonts are the CJK fonts a Chinese office machine has.
enum ReportStyle {
    static let css = """
        :root {
          --ink: #1f2328; --muted: #667085; --line: #d9dee5; --soft: #f5f7fa;
          --bad: #b42318; --bad-bg: #fdeceb; --bad-edge: #d92d20;
          --warn: #8a5300; --warn-bg: #fff3d6; --gap-bg: #ffe9a8;
          --conflict: #b93d06; --conflict-bg: #ffe6d5; --conflict-edge: #f97316;
          --ok: #18794e; --ok-bg: #e7f6ee; --accent: #1d4f91;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0 auto; max-width: 1380px; padding: 28px 36px 48px; color: var(--ink); background: #fff;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
            "WenQuanYi Micro Hei", sans-serif;
          font-size: 14px; line-height: 1.6;
        }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 11px; color: var(--muted); }
        .masthead { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
        .kicker { margin: 0; color: var(--accent); font-weight: 700; letter-spacing: .1em; }
        h1 { margin: 4px 0 0; font-size: 28px; line-height: 1.3; }
        .subtitle { margin: 2px 0 0; font-size: 18px; }
        .meta { margin: 6px 0 0; color: var(--muted); }
        h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 16px; margin: 18px 0 6px; }
        .muted, .zero { color: var(--muted); }
        .ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
        .lead { margin: 4px 0 10px; color: #344054; }
        .empty { padding: 8px 12px; background: var(--soft); border-radius: 6px; }
        .empty.ok { background: var(--ok-bg); }

        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin: 0 0 14px; }
        .card { border: 1px solid var(--line); border-top: 5px solid var(--ok); border-radius: 8px; padding: 10px 14px; background: #fff; }
        .card-warn { border-top-color: #f5a524; } .card-bad { border-top-color: var(--bad-edge); }
        .card h2 { font-size: 14px; margin: 0; padding: 0; border: 0; color: var(--muted); font-weight: 600; }
        .card p { margin: 2px 0; }
        .card .figure { font-size: 34px; font-weight: 700; line-height: 1.2; }
        .card .figure small { font-size: 14px; font-weight: 400; color: var(--muted); margin-left: 6px; }
        .card b { font-weight: 700; }
        .card p span { white-space: nowrap; }

        .todo { border: 1px solid #f3c1bd; background: #fff8f7; border-radius: 8px; padding: 8px 16px 10px; margin-bottom: 12px; }
        .todo.ok { border-color: #b7e4c7; background: var(--ok-bg); }
        .todo h2 { font-size: 15px; margin: 0 0 2px; padding: 0; border: 0; }
        .todo ul { margin: 0; padding-left: 20px; }
        .todo li.bad::marker { color: var(--bad-edge); } .todo li.warn::marker { color: #f5a524; }
        .todo li a { font-weight: 700; color: inherit; }
        .todo li.bad a { color: var(--bad); } .todo li.warn a { color: var(--warn); }
        .toc { display: flex; gap: 18px; flex-wrap: wrap; padding: 6px 0; font-weight: 600; }

        .toolbar { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
        .legend { margin: 0; display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: #344054; }
        .key::before { content: ""; display: inline-block; width: 14px; height: 12px; margin-right: 4px; vertical-align: -1px;
          border: 1px solid rgba(0,0,0,.15); border-radius: 2px; }
        .key.missing::before { background: var(--bad-bg); box-shadow: inset 3px 0 var(--bad-edge); }
        .key.gap::before { background: var(--gap-bg); }
        .key.conflict::before { background: var(--conflict-bg); box-shadow: inset 3px 0 var(--conflict-edge); }
        .key.errors::before { background: var(--bad-edge); } .key.warnings::before { background: #f5a524; }
        button { font: inherit; font-size: 13px; padding: 4px 14px; border: 1px solid var(--accent); border-radius: 6px;
          background: #fff; color: var(--accent); cursor: pointer; }
        button[aria-pressed="true"] { background: var(--accent); color: #fff; }

        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        caption { caption-side: top; text-align: left; color: var(--muted); font-size: 12px; padding: 6px 0 4px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; }
        thead th { background: #e9eef5; font-weight: 700; white-space: nowrap; border-bottom: 2px solid #b8c4d4;
          position: sticky; top: 0; z-index: 1; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        thead th.num { text-align: center; }

        .scroll { overflow-x: auto; }
        .theme-table th, .theme-table td { padding: 3px 5px; font-size: 13px; }
        .theme-table .topic-col { font-weight: 400; color: var(--muted); font-size: 12px; }
        .theme-table .dot { text-align: center; color: #1d3b63; }
        .theme-table .num { text-align: right; }
        .theme-table .single { font-size: 12px; color: var(--muted); white-space: normal; }
        .matrix { table-layout: fixed; }
        .matrix thead th { white-space: normal; }
        .nb { white-space: nowrap; }
        .matrix .part-row th { background: #f0f4fa; color: #1d3b63; font-size: 14px; padding: 7px 8px 5px; border-bottom: 1px solid #b8c4d4; }
        .matrix .part-row small { font-weight: 400; color: var(--muted); margin-left: 8px; font-size: 12px; }
        .matrix.flat .part-row { display: none; }
        .matrix td.id { font-weight: 700; white-space: nowrap; }
        .matrix td { overflow-wrap: anywhere; }
        .matrix td.draft .note { display: block; font-size: 11.5px; color: var(--muted); }
        .matrix td.version, .matrix td.date { white-space: nowrap; }
        .matrix td.date { color: #475467; }
        .matrix tr.entry:hover td { background-color: #f7f9fc; }
        .matrix tr.missing td { background: var(--bad-bg); color: #7a1a12; }
        .matrix tr.missing td:first-child, .matrix tr.conflict td:first-child { box-shadow: inset 5px 0 var(--bad-edge); padding-left: 11px; }
        .matrix tr.conflict td:first-child { box-shadow: inset 5px 0 var(--conflict-edge); }
        .matrix td.absent { font-weight: 700; letter-spacing: .05em; }
        td.gap { background: var(--gap-bg); color: var(--warn); font-weight: 700; }
        td.num.gap { text-align: center; }
        td.conflict { background: var(--conflict-bg); color: var(--conflict); font-weight: 600; }
        td.conflict a { color: var(--conflict); }
        td.problems a { display: inline-block; min-width: 2em; text-align: center; border-radius: 10px; padding: 0 6px; font-weight: 700; }
        td.problems.errors a { background: var(--bad-edge); color: #fff; }
        td.problems.warnings a { background: #f5a524; color: #3d2500; }
        td.problems.none { color: var(--muted); }

        .conflict-block { border: 1px solid #f6c7a8; border-left: 5px solid var(--conflict-edge); border-radius: 6px;
          padding: 4px 14px 10px; margin: 12px 0; background: #fffaf6; break-inside: avoid; }
        .conflict-block h3 { margin: 6px 0; color: var(--conflict); }
        .conflict-block .year { margin-left: 10px; font-size: 13px; padding: 1px 8px; border-radius: 10px; background: var(--conflict-bg); }
        .conflict-block .unit { margin-left: 10px; font-size: 12px; color: var(--muted); font-weight: 400; }
        .conflict-table { table-layout: fixed; }
        .conflict-table th:nth-child(1) { width: 11em; } .conflict-table th:nth-child(2) { width: 30%; }
        .conflict-table th:nth-child(3) { width: 32%; }
        .conflict-table td.value-cell { font-size: 16px; white-space: nowrap; }
        .conflict-table td.value-cell small { font-size: 12px; color: var(--muted); font-weight: 400; }
        .conflict-table tbody.value + tbody.value tr:first-child td { border-top: 2px solid #f6c7a8; }
        .conflict-table td.place { color: #475467; }

        .ranking { background: var(--soft); border-radius: 8px; padding: 4px 16px 8px; margin: 8px 0 12px; }
        .ranking h3 { margin: 6px 0 4px; font-size: 14px; }
        .ranking ol { margin: 0; padding-left: 24px; columns: 2; column-gap: 32px; }
        .ranking li { break-inside: avoid; }
        .ranking .count { margin-left: 8px; color: var(--muted); font-size: 12.5px; }
        .draft-problems { border-top: 1px solid var(--line); padding-top: 2px; break-inside: avoid-page; }
        .draft-problems h3 .file { font-weight: 400; color: #475467; margin-left: 8px; font-size: 13px; }
        .draft-problems h3 .count { font-weight: 400; color: var(--muted); margin-left: 10px; font-size: 12.5px; }
        .problem-list { list-style: none; margin: 0 0 6px; padding: 0; }
        .problem-list li { display: grid; grid-template-columns: 3.2em 1fr; column-gap: 8px; padding: 4px 0 4px 8px;
          border-left: 4px solid #cfd6df; margin: 3px 0; background: #fbfcfd; }
        .problem-list li.error { border-left-color: var(--bad-edge); background: #fff7f6; }
        .problem-list li.warning { border-left-color: #f5a524; background: #fffbf0; }
        .problem-list .sev { grid-row: span 2; font-weight: 700; font-size: 12.5px; }
        .problem-list li.error .sev { color: var(--bad); } .problem-list li.warning .sev { color: var(--warn); }
        .problem-list li.info .sev { color: var(--muted); }
        .problem-list .where { font-size: 12.5px; color: #475467; }
        .problem-list .where::before { content: "位置："; color: var(--muted); }
        .problem-list code { grid-column: 2; }
        details { margin: 4px 0 10px; font-size: 12.5px; color: #475467; }
        summary { cursor: pointer; color: var(--muted); }
        .technical-list { margin: 4px 0; padding-left: 20px; }
        .technical-list .where { margin-left: 8px; color: var(--muted); }
        .technical-list code { margin-left: 8px; }

        table.inputs td.file { overflow-wrap: anywhere; }
        table.inputs td.status { white-space: nowrap; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 700; background: var(--soft); }
        .badge.used { background: var(--ok-bg); color: var(--ok); }
        .badge.superseded { background: #eceff3; color: #475467; }
        .badge.unassigned { background: var(--warn-bg); color: var(--warn); }
        .badge.rejected { background: var(--bad-edge); color: #fff; }
        .badge.ignored { background: #f2f4f7; color: var(--muted); font-weight: 400; }
        tr.input.rejected td { background: var(--bad-bg); }
        tr.input.rejected td:first-child { box-shadow: inset 5px 0 var(--bad-edge); }
        tr.input.unassigned td { background: #fffaeb; }
        tr.input.ignored td, tr.input.superseded td { color: var(--muted); }
        footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }

        @media (max-width: 900px) {
          body { padding: 16px; }
          .cards { grid-template-columns: repeat(2, 1fr); }
          .ranking ol { columns: 1; }
        }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .no-print, .toc, button { display: none !important; }
          h2, .lead { break-after: avoid; }
          h2 { margin-top: 18px; }
          thead { display: table-header-group; }
          thead th { position: static; }
          tr, .problem-list li { break-inside: avoid; }
          a { color: inherit; }
          .cards { grid-template-columns: repeat(4, 1fr); }
          #coverage { break-before: page; }
          #coverage h2 { margin-top: 0; }
          .matrix { font-size: 8.5pt; }
          .matrix th, .matrix td { padding: 3px 4px; }
          .matrix tr.missing td:first-child, .matrix tr.conflict td:first-child { padding-left: 8px; }
          .part-row { break-after: avoid; }
        }
        """

    /// Reorders the coverage rows by problem count and back. Without it (no script, or an old
    /// browser) the button stays hidden and the table keeps catalog order.
    static let script = """
        (function () {
          var button = document.getElementById("sort-toggle");
          var table = document.getElementById("coverage-table");
          var flat = document.getElementById("coverage-flat");
          if (!button || !table || !flat || !table.querySelectorAll || !button.addEventListener) return;
          var rows = Array.prototype.slice.call(table.querySelectorAll("tr.entry"));
          function num(row, name) { return parseInt(row.getAttribute("data-" + name), 10) || 0; }
          var byProblems = false;
          button.hidden = false;
          button.addEventListener("click", function () {
            byProblems = !byProblems;
            rows.slice().sort(function (a, b) {
              var d = byProblems ? num(b, "problems") - num(a, "problems") : 0;
              return d || num(a, "order") - num(b, "order");
            }).forEach(function (row) {
              var home = byProblems ? flat : document.getElementById(row.getAttribute("data-group"));
              if (home) home.appendChild(row);
            });
            table.className = byProblems ? "matrix flat" : "matrix";
            button.setAttribute("aria-pressed", byProblems ? "true" : "false");
            button.textContent = byProblems ? "恢复目录顺序" : "按问题数排序";
          });
        })();
        """
}
