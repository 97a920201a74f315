package policydiff

import (
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The character diff is diff-match-patch (sergi/go-diff): Myers' O(ND)
// algorithm with a line-level pass first for speed, then semantic
// clean-up. It works on runes, so Japanese text, which has no spaces to
// cut at, diffs by character.

// Op is the kind of a diff segment.
type Op int8

// Diff operations.
const (
	Equal Op = iota
	Delete
	Insert
)

func (o Op) String() string {
	switch o {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// Segment is a run of text that is equal, deleted from the old text or
// inserted into the new one.
type Segment struct {
	Op   Op
	Text string
}

// Diff compares two texts character by character and cleans the result up
// for people: short coincidental equalities inside a changed passage are
// folded into it. It gives up refining after timeout (0 = no limit) and
// reports the rest as whole replacements.
func Diff(a, b string, timeout time.Duration) []Segment {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = timeout
	diffs := dmp.DiffMain(a, b, len(a)+len(b) > 2000)
	diffs = dmp.DiffCleanupMerge(dmp.DiffCleanupSemantic(diffs))
	out := make([]Segment, 0, len(diffs))
	for _, d := range diffs {
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		// Line mode can leave empty or split runs; readers want one run per change.
		switch {
		case d.Text == "":
		case len(out) > 0 && out[len(out)-1].Op == op:
			out[len(out)-1].Text += d.Text
		default:
			out = append(out, Segment{Op: op, Text: d.Text})
		}
	}
	return out
}
