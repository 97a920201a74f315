//go:build rxstats

package rules_test

import (
	"os"
	"testing"

	"github.com/appilint/appilint/internal/corpus"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/rx"
	"github.com/appilint/appilint/rules"
)

// TestPatternCosts lists the patterns the rules and facts spend most time
// in over the corpus (with the rxstats build tag, which times every call):
//
//	go test -tags rxstats ./rules -run TestPatternCosts -v
func TestPatternCosts(t *testing.T) {
	root := corpus.RootForTest(t, ".")
	sets, err := corpus.Sets(root)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*model.Document
	for _, set := range sets {
		for _, path := range set.Docs() {
			src, err := load.File(path, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parse.Source(src)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, doc)
		}
	}
	all := rules.All()
	rx.Prepare()
	rx.ResetStats() // the costs of parsing are not the rules'
	for range 5 {
		for _, doc := range docs {
			engine.Run(doc, all, engine.DefaultConfig())
		}
	}
	rx.WriteStats(os.Stdout, 60)
}
