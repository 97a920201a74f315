package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/appilint/appilint/internal/corpus"
)

// seedsDir returns ../shared/corpus/seeds, skipping when absent outside CI.
func seedsDir(t *testing.T) string {
	t.Helper()
	wd, _ := os.Getwd()
	return filepath.Join(corpus.RootForTest(t, wd), "seeds")
}

// TestSeedExitCodes: an old, thin policy fails the default gate and a
// complete one passes it: a correct policy raises nothing at error level.
func TestSeedExitCodes(t *testing.T) {
	dir := seedsDir(t)
	cases := []struct {
		glob string
		want int
	}{
		{"000_*.txt", exitOK},
		{"001_*.txt", exitFindings},
	}
	for _, c := range cases {
		matches, _ := filepath.Glob(filepath.Join(dir, c.glob))
		if len(matches) != 1 {
			t.Fatalf("%s: found %d files", c.glob, len(matches))
		}
		var out, errb bytes.Buffer
		got := run([]string{"check", "--color", "never", matches[0]}, nil, &out, &errb)
		if got != c.want {
			t.Errorf("check %s: exit %d, want %d\n%s%s", filepath.Base(matches[0]), got, c.want, out.String(), errb.String())
		}
	}
}
