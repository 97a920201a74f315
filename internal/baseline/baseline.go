// Package baseline records the findings a project accepts today, so that a
// CI gate fails only on new ones. A finding's fingerprint is its rule, its
// file and its normalised evidence text, not its line: edits elsewhere in
// the file do not make an old finding look new.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/appilint/appilint/internal/atomicfile"
	"sort"
	"strings"
	"unicode"
)

// Entry is one accepted finding.
type Entry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message,omitempty"` // for people reading the file
}

// File is the baseline file's content.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Fingerprint identifies a finding across edits: for a missing item the
// rule and file suffice (one per document); for present text, the text
// itself with white space and digits folded away.
func Fingerprint(path, rule string, missing bool, evidence string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", filepath.ToSlash(path), rule)
	if missing {
		h.Write([]byte("missing"))
	} else {
		h.Write([]byte(normalise(evidence)))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsDigit(r) {
			return -1
		}
		return r
	}, s)
}

// Set counts fingerprints, so that two identical findings need two entries.
type Set map[string]int

// Read loads a baseline file.
func Read(path string) (Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a baseline file: %w", path, err)
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("%s: unsupported baseline version %d", path, f.Version)
	}
	s := Set{}
	for _, e := range f.Findings {
		s[e.Fingerprint]++
	}
	return s, nil
}

// Take consumes one accepted occurrence of fp; false when none is left
// (the finding is new).
func (s Set) Take(fp string) bool {
	if s[fp] > 0 {
		s[fp]--
		return true
	}
	return false
}

// Write stores entries atomically: a temp file renamed into place, so an
// interrupted write never leaves a half baseline.
func Write(path string, entries []Entry) error {
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	if entries == nil {
		entries = []Entry{}
	}
	data, err := json.MarshalIndent(File{Version: 1, Findings: entries}, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, append(data, '\n'), 0o644)
}
