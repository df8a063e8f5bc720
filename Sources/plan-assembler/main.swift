import PlanAssemblerCLI

await PlanAssemblerCommand.runAsRoot()
