// Package corpus reads the labelled policy corpus (../shared/corpus) and
// scores findings against its labels, the same way ../shared/tools/score
// does: micro-averaged over documents, a rule counting as reported for a
// document when at least one finding carries its ID.
package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Label values.
const (
	Violation = "violation"
	OK        = "ok"
	NA        = "na"
	Any       = "any"
)

// Set is one labelled directory.
type Set struct {
	Name   string
	Dir    string
	Labels map[string]map[string]string // document → rule → label
}

// Docs returns the set's document paths, sorted.
func (s *Set) Docs() []string {
	var out []string
	for name := range s.Labels {
		out = append(out, filepath.Join(s.Dir, name))
	}
	sort.Strings(out)
	return out
}

// Root finds ../shared/corpus from the module root above dir. It returns
// "" when the corpus is not there (a user's clone).
func Root(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(filepath.Dir(d), "shared", "corpus")
			if st, err := os.Stat(c); err == nil && st.IsDir() {
				return c
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Sets loads every labelled set under root (each subdirectory with a labels.json).
func Sets(root string) ([]*Set, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var out []*Set
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		data, err := os.ReadFile(filepath.Join(dir, "labels.json"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		s := &Set{Name: e.Name(), Dir: dir}
		if err := json.Unmarshal(data, &s.Labels); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "labels.json"), err)
		}
		out = append(out, s)
	}
	return out, nil
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 1 when nothing was reported.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was to be found.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// Error is one wrong call: a false positive or a false negative.
type Error struct {
	Doc, Rule, Kind string // Kind is "FP" or "FN"
}

// Score compares reported rules per document (document base name → rule
// IDs) with the labels, for the rules that keep() accepts.
type Score struct {
	Total  Counts
	ByRule map[string]*Counts
	Errors []Error
}

// Compare scores reported against the labels of the sets.
func Compare(sets []*Set, reported map[string]map[string]bool, keep func(rule string) bool) *Score {
	sc := &Score{ByRule: map[string]*Counts{}}
	for _, s := range sets {
		for doc, labels := range s.Labels {
			for rule, label := range labels {
				if !keep(rule) || label == Any {
					continue
				}
				c := sc.ByRule[rule]
				if c == nil {
					c = &Counts{}
					sc.ByRule[rule] = c
				}
				got := reported[doc][rule]
				switch {
				case got && label == Violation:
					c.TP++
				case got:
					c.FP++
					sc.Errors = append(sc.Errors, Error{doc, rule, "FP"})
				case label == Violation:
					c.FN++
					sc.Errors = append(sc.Errors, Error{doc, rule, "FN"})
				}
			}
		}
	}
	for _, c := range sc.ByRule {
		sc.Total.TP += c.TP
		sc.Total.FP += c.FP
		sc.Total.FN += c.FN
	}
	sort.Slice(sc.Errors, func(i, j int) bool {
		a, b := sc.Errors[i], sc.Errors[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Doc < b.Doc
	})
	return sc
}

// Print writes a per-rule table and the micro totals.
func (sc *Score) Print(w io.Writer) {
	var rules []string
	for r := range sc.ByRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	fmt.Fprintf(w, "%-40s %4s %4s %4s %6s %6s\n", "rule", "TP", "FP", "FN", "P", "R")
	for _, r := range rules {
		c := sc.ByRule[r]
		fmt.Fprintf(w, "%-40s %4d %4d %4d %6.3f %6.3f\n", r, c.TP, c.FP, c.FN, c.Precision(), c.Recall())
	}
	fmt.Fprintf(w, "%-40s %4d %4d %4d %6.3f %6.3f\n", "micro", sc.Total.TP, sc.Total.FP, sc.Total.FN, sc.Total.Precision(), sc.Total.Recall())
	var errs []string
	for _, e := range sc.Errors {
		errs = append(errs, fmt.Sprintf("%s %s %s", e.Kind, e.Rule, e.Doc))
	}
	if len(errs) > 0 {
		fmt.Fprintf(w, "errors:\n  %s\n", strings.Join(errs, "\n  "))
	}
}

// TB is the part of testing.TB that RootForTest needs.
type TB interface {
	Helper()
	Fatal(args ...any)
	Skip(args ...any)
}

// RootForTest finds ../shared/corpus for a test started in dir. When the
// corpus is absent, the test is skipped (a user's clone) or fails under
// CI=true (CI always has it).
func RootForTest(t TB, dir string) string {
	t.Helper()
	root := Root(dir)
	if root == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("../shared/corpus not found beside the checkout; CI must have it")
		}
		t.Skip("../shared/corpus not found beside the checkout: skipping this corpus test")
	}
	return root
}
