package engine

// FindNaive exposes the reference matcher to the external tests.
var FindNaive = (*Dataset).findNaive
