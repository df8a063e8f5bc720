// The BuiltinTemplates target: the files of Templates/ (its other source folder), embedded by
// the EmbedTemplates build-tool plugin as `BuiltinTemplates.files`, generated on every build.
// This file only gives the target a Swift source of its own, which SwiftPM needs to build it.
