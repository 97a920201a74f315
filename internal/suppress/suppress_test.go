package suppress

import (
	"testing"
)

type item struct {
	rule string
	line int
}

func key(i item) (string, int) { return i.rule, i.line }

func TestDirectives(t *testing.T) {
	src := `# ポリシー
<!-- appilint-disable-next-line appi/fee -- 手数料は別ページ -->

手数料について。
<!-- appilint-disable appi/minors, appi/purposes -- 子ども向けではない -->
a
b
<!-- appilint-enable appi/minors -->
c
<!-- appilint-disable -->
d
`
	ds := Parse(src)
	if len(ds) != 3 {
		t.Fatalf("got %d directives, want 3", len(ds))
	}
	if !ds[0].NextLine || ds[0].From != 4 || ds[0].Reason != "手数料は別ページ" || ds[0].Rules[0] != "appi/fee" {
		t.Errorf("next-line directive: %+v", ds[0])
	}
	if ds[1].From != 5 || ds[1].To != 8 || len(ds[1].Rules) != 2 {
		t.Errorf("block directive: %+v", ds[1])
	}
	items := []item{
		{"appi/fee", 4},      // silenced by next-line
		{"appi/fee", 6},      // not covered
		{"appi/minors", 6},   // silenced by block
		{"appi/minors", 9},   // after enable
		{"appi/purposes", 9}, // an enable naming one of the block's rules closes the whole block
		{"appi/any", 11},     // disable-all to end of file
	}
	kept := Filter(items, ds, key)
	want := []item{{"appi/fee", 6}, {"appi/minors", 9}, {"appi/purposes", 9}}
	if len(kept) != len(want) {
		t.Fatalf("kept %v, want %v", kept, want)
	}
	for i := range want {
		if kept[i] != want[i] {
			t.Errorf("kept[%d] = %v, want %v", i, kept[i], want[i])
		}
	}
	for i, d := range ds {
		if !d.Used {
			t.Errorf("directive %d unused", i)
		}
	}
}

func TestUnusedDirective(t *testing.T) {
	ds := Parse("<!-- appilint-disable-next-line appi/fee -->\n本文\n")
	Filter([]item{{"appi/minors", 2}}, ds, key)
	if ds[0].Used {
		t.Error("directive marked used though it silenced nothing")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("<!-- appilint-disable a -->\n<!-- appilint-enable -->")
	f.Add("<!-- appilint-disable-next-line -->")
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range Parse(s) {
			if d.From < 1 || d.To != 0 && d.To < d.Line {
				t.Fatalf("bad range %+v", d)
			}
		}
	})
}
