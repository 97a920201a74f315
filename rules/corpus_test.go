package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/corpus"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

// Accuracy bounds on the labelled corpus, over every rule of the catalog
// that is implemented. The harness reads labels only to score: rules never
// see them.
const (
	minPrecision = 0.95
	minRecall    = 0.95
)

// corpusSets returns the labelled sets, skipping the test when the corpus is
// absent (a user's clone) and failing when it is absent in CI.
func corpusSets(t *testing.T) []*corpus.Set {
	t.Helper()
	wd, _ := os.Getwd()
	root := corpus.RootForTest(t, wd)
	sets, err := corpus.Sets(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) == 0 {
		t.Fatalf("no labelled sets under %s", root)
	}
	return append(sets, ownSets(t)...)
}

// ownSets are the project's own labelled policies (testdata/*/labels.json):
// written and labelled apart from the rules, to check that they generalize
// beyond the corpus they were tuned on.
func ownSets(t *testing.T) []*corpus.Set {
	t.Helper()
	sets, err := corpus.Sets(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

// checkCorpus runs every rule on every labelled document and returns the
// rules reported per document base name, plus the results themselves.
func checkCorpus(t *testing.T, sets []*corpus.Set) (map[string]map[string]bool, map[string]*engine.Result) {
	t.Helper()
	reported := map[string]map[string]bool{}
	results := map[string]*engine.Result{}
	cfg := engine.DefaultConfig()
	for _, s := range sets {
		for _, path := range s.Docs() {
			src, err := load.File(path, load.Options{})
			if err != nil {
				t.Fatalf("load %s: %v", path, err)
			}
			doc, err := parse.Source(src)
			if err != nil {
				t.Fatalf("parse %s: %v", path, err)
			}
			res := engine.Run(doc, rules.All(), cfg)
			name := filepath.Base(path)
			results[name] = res
			reported[name] = map[string]bool{}
			for _, f := range res.Findings {
				reported[name][f.Rule.ID] = true
			}
		}
	}
	return reported, results
}

func implemented() func(string) bool {
	ids := map[string]bool{}
	for _, r := range rules.All() {
		ids[r.ID] = true
	}
	return func(id string) bool { return ids[id] }
}

func TestCorpusAccuracy(t *testing.T) {
	sets := corpusSets(t)
	reported, _ := checkCorpus(t, sets)
	sc := corpus.Compare(sets, reported, implemented())
	var b strings.Builder
	sc.Print(&b)
	t.Logf("corpus accuracy (%d sets, %d rules):\n%s", len(sets), len(sc.ByRule), b.String())
	if p := sc.Total.Precision(); p < minPrecision {
		t.Errorf("micro precision %.3f < %.2f", p, minPrecision)
	}
	if r := sc.Total.Recall(); r < minRecall {
		t.Errorf("micro recall %.3f < %.2f", r, minRecall)
	}
}
