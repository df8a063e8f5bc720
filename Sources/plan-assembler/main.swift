import PlanAssemblerCLI

PlanAssemblerCommand.main()
