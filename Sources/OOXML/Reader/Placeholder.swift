// The DOCX reader lives in this folder.
