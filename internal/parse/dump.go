package parse

import (
	"fmt"
	"io"
	"strings"

	"github.com/appilint/appilint/internal/model"
)

// Dump writes the document model in a readable form: sections, blocks,
// sentences and clause flags. It backs `appilint debug parse`, which rule
// authors use to see what the rules see.
func Dump(w io.Writer, doc *model.Document, tokens bool) {
	for _, s := range doc.Sentences {
		b := s.Block
		if s.Span.Start == b.Span.Start {
			pos, _ := doc.Range(b.Span)
			fmt.Fprintf(w, "%4d %-10s L%d §%s\n", pos.Line, b.Kind, b.Level, strings.Join(reverse(b.Section.Titles()), " > "))
		}
		fmt.Fprintf(w, "       S: %s\n", s.Text)
		for _, c := range s.Clauses {
			var flags []string
			for _, f := range []struct {
				on   bool
				name string
			}{{c.Negated, "NEG"}, {c.Conditional, "COND"}, {c.Promise, "PROMISE"}, {c.Effort, "EFFORT"}} {
				if f.on {
					flags = append(flags, f.name)
				}
			}
			if len(s.Clauses) > 1 || len(flags) > 0 {
				fmt.Fprintf(w, "         C[%s]: %s\n", strings.Join(flags, ","), c.Text)
			}
			if tokens {
				var ts []string
				for _, t := range c.Tokens {
					ts = append(ts, fmt.Sprintf("%s/%s/%s/%s", t.Surface, t.Base, t.POS, t.POS2))
				}
				fmt.Fprintf(w, "           %s\n", strings.Join(ts, " "))
			}
		}
	}
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}
