// build/npm holds npm packages (node_modules), some of which ship Go files
// (flatted does): this empty module keeps them out of the project's ./...
module npmtools

go 1.26
