package fix_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/baseline"
	"github.com/appilint/appilint/internal/corpus"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/fix"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

// knownUnsatisfied lists the rules whose Fix wording, once inserted, does
// not yet satisfy the rule itself (say, a rule that does not accept a 【…】
// blank where its value goes: the blank is appi/placeholder's finding).
// It is empty: every drafted clause satisfies its rule. When an entry is
// fixed this test says so, and the entry must go.
var knownUnsatisfied = map[string]bool{}

// knownSideEffects are new findings (document and rule) that an insertion
// causes elsewhere.
var knownSideEffects = map[string]bool{}

// check loads, parses and checks a text as if it were the file name.
func check(t *testing.T, name string, data []byte) *engine.Result {
	t.Helper()
	src, err := load.Bytes(name, data, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	cfg := engine.DefaultConfig()
	return engine.Run(doc, rules.All(), cfg)
}

func fingerprints(res *engine.Result) map[string]int {
	out := map[string]int{}
	for _, f := range res.Findings {
		out[baseline.Fingerprint("p", f.Rule.ID, f.Missing, res.Doc.Slice(f.Span))]++
	}
	return out
}

// fixOutcome applies the fix to a document and reports, per addressed
// rule, whether its missing finding is gone, and the new findings that are
// not placeholders.
type fixOutcome struct {
	addressed   []string        // rule IDs the plan answered
	stillThere  map[string]bool // addressed rules that still report the item missing
	unexpected  []string        // new findings other than appi/placeholder
	placeholder int             // new appi/placeholder findings
}

func applyAndRecheck(t *testing.T, name string, data []byte) fixOutcome {
	t.Helper()
	before := check(t, name, data)
	plan := fix.New(before)
	after := check(t, name, []byte(plan.Apply()))
	out := fixOutcome{stillThere: map[string]bool{}}
	for _, r := range plan.Rules() {
		out.addressed = append(out.addressed, r.ID)
	}
	for _, f := range after.Findings {
		for _, id := range out.addressed {
			if f.Rule.ID == id && f.Missing {
				out.stillThere[id] = true
			}
		}
	}
	old := fingerprints(before)
	for _, f := range after.Findings {
		fp := baseline.Fingerprint("p", f.Rule.ID, f.Missing, after.Doc.Slice(f.Span))
		if old[fp] > 0 {
			old[fp]--
			continue
		}
		if f.Rule.ID == "appi/placeholder" {
			out.placeholder++
			continue
		}
		if out.stillThere[f.Rule.ID] {
			continue // counted above, as an addressed rule whose finding stayed
		}
		out.unexpected = append(out.unexpected, f.Rule.ID+": "+f.Message.JA)
	}
	return out
}

// TestSeedCorpus is the done-when: fix output applied to each seed
// removes the findings it addresses and adds only placeholder findings.
func TestSeedCorpus(t *testing.T) {
	wd, _ := os.Getwd()
	root := corpus.Root(wd)
	if root == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("../shared/corpus not found beside the checkout; CI must have it")
		}
		t.Skip("../shared/corpus not found beside the checkout: skipping the seed fix test")
	}
	files, _ := filepath.Glob(filepath.Join(root, "seeds", "*.*"))
	unsatisfied := map[string][]string{}
	sideEffects := map[string]bool{}
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".json") {
			continue
		}
		n++
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			o := applyAndRecheck(t, name, data)
			if len(o.addressed) == 0 {
				t.Log("nothing to fix")
			}
			for id := range o.stillThere {
				unsatisfied[id] = append(unsatisfied[id], name)
				if !knownUnsatisfied[id] {
					t.Errorf("%s: the inserted wording does not satisfy the rule", id)
				}
			}
			for _, u := range o.unexpected {
				id, _, _ := strings.Cut(u, ":")
				if knownSideEffects[name+" "+id] {
					sideEffects[name+" "+id] = true
					t.Logf("known side effect: %s", u)
					continue
				}
				t.Errorf("new finding that is not a placeholder: %s", u)
			}
		})
	}
	if n == 0 {
		t.Fatal("no seed documents found")
	}
	var ids []string
	for id := range unsatisfied {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("%s: Fix wording not satisfying the rule in %s", id, strings.Join(unsatisfied[id], ", "))
	}
	for id := range knownUnsatisfied {
		if _, ok := unsatisfied[id]; !ok {
			t.Errorf("%s now satisfies its rule on every seed: remove it from knownUnsatisfied", id)
		}
	}
	for k := range knownSideEffects {
		if !sideEffects[k] {
			t.Errorf("%s no longer happens: remove it from knownSideEffects", k)
		}
	}
}
