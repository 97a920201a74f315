package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

// TestHardCases checks the forms the catalog names as hard, each from a
// file in testdata/hardcases: tables of 項目|内容 (Markdown and HTML), 和暦
// dates, full-width digits, PDF line breaks inside words, and headings that
// scope the content under them.
func TestHardCases(t *testing.T) {
	cases := []struct {
		file string
		want map[string]engine.Status
	}{
		{"table-operator.md", map[string]engine.Status{
			"appi/operator-name": engine.StatusOK, "appi/operator-address": engine.StatusOK, "appi/operator-representative": engine.StatusOK}},
		{"table-operator.html", map[string]engine.Status{
			"appi/operator-name": engine.StatusOK, "appi/operator-address": engine.StatusOK, "appi/operator-representative": engine.StatusOK}},
		{"wareki-old.txt", map[string]engine.Status{"appi/stale-revision": engine.StatusViolation}},
		{"wareki-new.txt", map[string]engine.Status{"appi/stale-revision": engine.StatusOK}},
		{"fullwidth-fee.txt", map[string]engine.Status{"appi/fee": engine.StatusOK}},
		{"pdf-breaks.txt", map[string]engine.Status{
			"appi/request-third-party-stop": engine.StatusOK, "appi/request-provision-records": engine.StatusOK,
			"appi/safety-human": engine.StatusOK, "appi/safety-physical": engine.StatusOK, "appi/safety-technical": engine.StatusOK}},
		{"heading-scope.md", map[string]engine.Status{
			"appi/safety-human": engine.StatusOK, "appi/safety-physical": engine.StatusOK,
			"appi/joint-use-items": engine.StatusOK, "appi/joint-use-scope": engine.StatusOK, "appi/joint-use-purpose": engine.StatusOK,
			"appi/joint-use-manager": engine.StatusOK, "appi/joint-use-manager-address": engine.StatusOK,
			"appi/joint-use-manager-representative": engine.StatusOK}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := load.File(filepath.Join("..", "testdata", "hardcases", c.file), load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parse.Source(src)
			if err != nil {
				t.Fatal(err)
			}
			res := engine.Run(doc, rules.All(), engine.DefaultConfig())
			got := map[string]engine.Status{}
			for _, o := range res.Outcomes {
				got[o.Rule.ID] = o.Status
			}
			for id, want := range c.want {
				if got[id] != want {
					t.Errorf("%s: %s is %s, want %s", c.file, id, got[id], want)
				}
			}
		})
	}
}
