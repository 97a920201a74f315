package rules_test

import (
	"testing"

	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/rx"
	"github.com/appilint/appilint/rules"
)

// Patterns are compiled on first use; building them all here makes a bad
// one fail the tests instead of a user's run.
func TestPatternsCompile(t *testing.T) {
	_ = rules.All() // the rule families' patterns
	parse.Prepare() // and the pipeline's, with the dictionary loading beside them
	rx.Prepare()
}
