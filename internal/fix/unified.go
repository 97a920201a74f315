package fix

import (
	"fmt"
	"sort"
	"strings"
)

// context is the number of unchanged lines around each change, as in diff -u.
const context = 3

// change replaces old lines [a, b) with lines (b == a: a pure insertion).
type change struct {
	a, b  int
	lines []string
}

// Unified renders the plan as a unified diff of the original against the
// fixed text, with oldName and newName in the ---/+++ headers. The diff is
// built from the insertions themselves rather than by comparing texts, so
// it shows exactly what Apply does. Lines keep their terminators (CRLF
// stays CRLF); a last line without one gets the usual "\ No newline" marker.
func (p *Plan) Unified(oldName, newName string) string {
	if p.Empty() {
		return ""
	}
	orig := p.Doc.Orig
	old := splitLines(orig)
	starts := make([]int, len(old)+1)
	for i, l := range old {
		starts[i+1] = starts[i] + len(l)
	}
	changes := p.changes(orig, old, starts)

	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldName, newName)
	delta := 0 // new line numbers minus old ones, before the current hunk
	for i := 0; i < len(changes); {
		j := i + 1
		for j < len(changes) && changes[j].a-changes[j-1].b <= 2*context {
			j++
		}
		hunk := changes[i:j]
		from := max(hunk[0].a-context, 0)
		to := min(hunk[len(hunk)-1].b+context, len(old))
		grow := 0
		for _, c := range hunk {
			grow += len(c.lines) - (c.b - c.a)
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(from, to-from), hunkRange(from+delta, to-from+grow))
		at := from
		for _, c := range hunk {
			writeLines(&b, ' ', old[at:c.a])
			writeLines(&b, '-', old[c.a:c.b])
			writeLines(&b, '+', c.lines)
			at = c.b
		}
		writeLines(&b, ' ', old[at:to])
		delta += grow
		i = j
	}
	return b.String()
}

// changes turns the insertions into line changes: an insertion at a line
// start that ends with a line terminator adds whole lines; any other
// replaces the line it falls in. Changes that touch are merged.
func (p *Plan) changes(orig string, old []string, starts []int) []change {
	type span struct {
		a, b int
		ins  []*Insertion
	}
	var spans []span
	for _, ins := range p.Insertions {
		off := ins.Offset
		a := sort.Search(len(old), func(i int) bool { return starts[i+1] > off })
		if a == len(old) && a > 0 && !strings.HasSuffix(orig, "\n") {
			a-- // appending to a last line without a terminator changes it
		}
		b := a
		if a < len(old) && (starts[a] != off || !strings.HasSuffix(ins.Text, "\n")) {
			b = a + 1
		}
		if n := len(spans); n > 0 && a <= spans[n-1].b {
			spans[n-1].b = max(spans[n-1].b, b)
			spans[n-1].ins = append(spans[n-1].ins, ins)
			continue
		}
		spans = append(spans, span{a, b, []*Insertion{ins}})
	}
	out := make([]change, 0, len(spans))
	for _, s := range spans {
		seg := apply(orig[starts[s.a]:starts[s.b]], starts[s.a], s.ins)
		out = append(out, change{a: s.a, b: s.b, lines: splitLines(seg)})
	}
	return out
}

// splitLines splits after each "\n", keeping the terminators.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func writeLines(b *strings.Builder, mark byte, lines []string) {
	for _, l := range lines {
		b.WriteByte(mark)
		b.WriteString(l)
		if !strings.HasSuffix(l, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a hunk's line range: 1-based start and count, where an
// empty range names the line before it.
func hunkRange(start0, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start0)
	case 1:
		return fmt.Sprintf("%d", start0+1)
	}
	return fmt.Sprintf("%d,%d", start0+1, count)
}
