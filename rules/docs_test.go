package rules_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/appilint/appilint/internal/ruledoc"
	"github.com/appilint/appilint/rules"
)

var update = flag.Bool("update", false, "rewrite generated files (docs/rules)")

// TestRuleDocs fails when docs/rules is out of date with the declarations.
func TestRuleDocs(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	want := map[string]string{"README.md": ruledoc.Index(rules.All())}
	for _, r := range rules.All() {
		want[ruledoc.FileName(r.ID)] = ruledoc.Markdown(r)
	}
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, p := range old {
			if _, keep := want[filepath.Base(p)]; !keep {
				_ = os.Remove(p)
			}
		}
		for name, body := range want {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for name, body := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != body {
			t.Errorf("docs/rules/%s is out of date: run `go test ./rules -run TestRuleDocs -update`", name)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, p := range files {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule: run `go test ./rules -run TestRuleDocs -update`", filepath.Base(p))
		}
	}
}

// TestRuleDeclarations checks that every rule is fully declared: a lawyer
// reading `appilint rules` or the docs must find all of it.
func TestRuleDeclarations(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		seen[r.ID] = true
		for name, v := range map[string]string{
			"Article.JA": r.Article.JA, "Article.EN": r.Article.EN, "Title.JA": r.Title.JA, "Title.EN": r.Title.EN,
			"Doc.JA": r.Doc.JA, "Doc.EN": r.Doc.EN, "Missing.JA": r.Missing.JA, "Missing.EN": r.Missing.EN,
			"Fix.JA": r.Fix.JA, "Fix.EN": r.Fix.EN, "Good": r.Good, "Bad": r.Bad,
		} {
			if v == "" {
				t.Errorf("%s: %s is empty", r.ID, name)
			}
		}
		if r.Conditional && (r.Trigger.JA == "" || r.Trigger.EN == "") {
			t.Errorf("%s: conditional rule without a trigger description", r.ID)
		}
		if r.Run == nil {
			t.Errorf("%s: no Run function", r.ID)
		}
	}
}
