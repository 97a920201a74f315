package rules_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

// fixture is a policy text for which a rule must (fire) or must not report.
type fixture struct {
	name string
	text string
	fire bool
}

// run checks text with every rule and returns the result.
func run(t *testing.T, text string) *engine.Result {
	t.Helper()
	doc, err := parse.Text("fixture.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	cfg := engine.DefaultConfig()
	return engine.Run(doc, rules.All(), cfg)
}

// findingsOf returns the findings of one rule.
func findingsOf(res *engine.Result, id string) []engine.Finding {
	var out []engine.Finding
	for _, f := range res.Findings {
		if f.Rule.ID == id {
			out = append(out, f)
		}
	}
	return out
}

// runFixtures asserts, for each fixture, whether rule id reports.
func runFixtures(t *testing.T, id string, fixtures []fixture) {
	t.Helper()
	if rules.ByID(id) == nil {
		t.Fatalf("rule %s is not registered", id)
	}
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			res := run(t, fx.text)
			got := findingsOf(res, id)
			if fx.fire && len(got) == 0 {
				t.Errorf("%s did not report on:\n%s", id, fx.text)
			}
			if !fx.fire && len(got) > 0 {
				var msgs []string
				for _, f := range got {
					msgs = append(msgs, res.Doc.Slice(f.Span)+" — "+f.Message.JA)
				}
				t.Errorf("%s reported on a fixture where it must not:\n%s\nfindings:\n  %s", id, fx.text, strings.Join(msgs, "\n  "))
			}
		})
	}
}
