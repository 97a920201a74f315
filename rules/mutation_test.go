package rules_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/corpus"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
)

// minFlipRate is the share of satisfied requirements whose rule must fire
// once the sentences it cites as evidence are deleted.
const minFlipRate = 0.95

// TestMutationEvidence deletes, for each requirement a labelled document
// satisfies (label ok, outcome ok), the sentences the rule cites as
// evidence, and checks that the rule then fires. It shows that rules find
// what they claim to find, not something near it.
func TestMutationEvidence(t *testing.T) {
	if testing.Short() {
		t.Skip("mutation test re-checks every document once per rule: skipped with -short")
	}
	sets := corpusSets(t)
	_, results := checkCorpus(t, sets)
	labels := map[string]map[string]string{}
	dirs := map[string]string{}
	for _, s := range sets {
		for doc, l := range s.Labels {
			labels[doc] = l
			dirs[doc] = s.Dir
		}
	}
	var names []string
	for name := range results {
		names = append(names, name)
	}
	sort.Strings(names)

	tried, flipped := 0, 0
	var misses []string
	for _, name := range names {
		res := results[name]
		for _, o := range res.Outcomes {
			if o.Status != engine.StatusOK || labels[name][o.Rule.ID] != corpus.OK || len(o.Evidence) == 0 {
				continue
			}
			tried++
			mutated := deleteSentences(res.Doc, o.Evidence)
			src, err := load.Bytes(filepath.Join(dirs[name], name), []byte(mutated), load.Options{})
			if err != nil {
				// Deleting everything the rule relies on can leave nothing.
				flipped++
				continue
			}
			doc, err := parse.Source(src)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			after := engine.Run(doc, []*engine.Rule{o.Rule}, engine.DefaultConfig())
			if after.Outcomes[0].Status == engine.StatusViolation {
				flipped++
				continue
			}
			misses = append(misses, fmt.Sprintf("%s %s (still %s)", name, o.Rule.ID, after.Outcomes[0].Status))
		}
	}
	if tried == 0 {
		t.Fatal("no satisfied requirement with evidence to mutate")
	}
	rate := float64(flipped) / float64(tried)
	t.Logf("mutation flip rate: %d/%d = %.3f", flipped, tried, rate)
	if len(misses) > 0 {
		t.Logf("did not fire after deleting the evidence:\n  %s", strings.Join(misses, "\n  "))
	}
	if rate < minFlipRate {
		t.Errorf("flip rate %.3f < %.2f", rate, minFlipRate)
	}
}

// deleteSentences removes from the original input every sentence that
// overlaps an evidence span.
func deleteSentences(doc *model.Document, evidence []model.Span) string {
	type cut struct{ start, end int }
	var cuts []cut
	for _, s := range doc.Sentences {
		for _, e := range evidence {
			if s.Span.Overlaps(e) || e.Len() == 0 && s.Span.Start == e.Start {
				a, b := doc.OrigRange(s.Span)
				cuts = append(cuts, cut{a, b})
				break
			}
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	var b strings.Builder
	pos := 0
	for _, c := range cuts {
		if c.start < pos {
			c.start = pos
		}
		if c.end <= c.start {
			continue
		}
		b.WriteString(doc.Orig[pos:c.start])
		pos = c.end
	}
	b.WriteString(doc.Orig[pos:])
	return b.String()
}
