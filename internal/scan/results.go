package scan

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// Each calls fn for every record of a results.jsonl, one at a time, so a
// consumer need not hold the batch in memory. A line that does not parse
// (a crash mid-write) is skipped.
func Each(path string, fn func(Record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, err := br.ReadBytes('\n')
		if line = bytes.TrimSpace(line); len(line) > 0 {
			var r Record
			if json.Unmarshal(line, &r) == nil {
				if ferr := fn(r); ferr != nil {
					return ferr
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// ReadRecords returns all records of a results.jsonl (for the reports,
// which need them all at once).
func ReadRecords(path string) ([]Record, error) {
	var out []Record
	err := Each(path, func(r Record) error { out = append(out, r); return nil })
	return out, err
}

// Summary describes a whole results.jsonl.
type Summary struct {
	Documents  int
	OK, Errors int
	// AverageScore is the mean score of the documents checked (status ok).
	AverageScore float64
	// Violations counts, per rule, the documents that violate it, most first.
	Violations []Count
	// Reasons counts the error reasons, most first.
	Reasons []Count
}

// Count is a key with a number of documents.
type Count struct {
	Key string
	N   int
}

// Summarize reads a results.jsonl into a Summary.
func Summarize(path string) (Summary, error) {
	var s Summary
	var scores float64
	violations, reasons := map[string]int{}, map[string]int{}
	err := Each(path, func(r Record) error {
		s.Documents++
		if r.Status != StatusOK {
			s.Errors++
			reasons[r.Error]++
			return nil
		}
		s.OK++
		scores += r.Score
		for _, rs := range r.Rules {
			if rs.Status == "violation" {
				violations[rs.Rule]++
			}
		}
		return nil
	})
	if s.OK > 0 {
		s.AverageScore = scores / float64(s.OK)
	}
	s.Violations, s.Reasons = ranked(violations), ranked(reasons)
	return s, err
}

func ranked(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// Print writes the summary for a terminal, with the top entries of each
// list.
func (s Summary) Print(w io.Writer, top int) {
	fmt.Fprintf(w, "documents: %d (ok %d, errors %d)\n", s.Documents, s.OK, s.Errors)
	if s.OK > 0 {
		fmt.Fprintf(w, "average score: %.2f\n", s.AverageScore)
	}
	if len(s.Violations) > 0 {
		fmt.Fprintln(w, "most common violations:")
		for _, c := range s.Violations[:min(top, len(s.Violations))] {
			fmt.Fprintf(w, "  %5d  %s\n", c.N, c.Key)
		}
	}
	if len(s.Reasons) > 0 {
		fmt.Fprintln(w, "errors:")
		for _, c := range s.Reasons[:min(top, len(s.Reasons))] {
			fmt.Fprintf(w, "  %5d  %s\n", c.N, c.Key)
		}
	}
}
