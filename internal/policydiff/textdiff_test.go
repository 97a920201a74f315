package policydiff

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// sides rebuilds the two texts a diff was made from.
func sides(segs []Segment) (string, string) {
	var a, b strings.Builder
	for _, s := range segs {
		if s.Op != Insert {
			a.WriteString(s.Text)
		}
		if s.Op != Delete {
			b.WriteString(s.Text)
		}
	}
	return a.String(), b.String()
}

func TestDiffJapanese(t *testing.T) {
	got := Diff("当社は個人情報を適切に管理します。", "当社は個人データを適切に管理します。", 0)
	want := []Segment{{Equal, "当社は個人"}, {Delete, "情報"}, {Insert, "データ"}, {Equal, "を適切に管理します。"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestDiffSemanticCleanup(t *testing.T) {
	// Without clean-up the common 、 and の would split this into four
	// edits; a reader wants one replacement.
	got := Diff("氏名、住所の変更", "電話番号、メールの変更", 0)
	want := []Segment{{Delete, "氏名、住所"}, {Insert, "電話番号、メール"}, {Equal, "の変更"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestDiffRebuilds checks on random texts, short (character mode) and long
// (line mode first), that a diff always rebuilds both sides.
func TestDiffRebuilds(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("あいう当社個情報\n。、ab")
	gen := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return string(r)
	}
	mutate := func(s string) string {
		r := []rune(s)
		for range 1 + rng.Intn(20) {
			i := rng.Intn(len(r) + 1)
			switch rng.Intn(3) {
			case 0:
				r = append(r[:i], append([]rune(gen(1+rng.Intn(8))), r[i:]...)...)
			case 1:
				if i < len(r) {
					r = append(r[:i], r[min(len(r), i+1+rng.Intn(8)):]...)
				}
			default:
				if i < len(r) {
					r[i] = alphabet[rng.Intn(len(alphabet))]
				}
			}
		}
		return string(r)
	}
	for _, n := range []int{0, 1, 2, 5, 30, 200, 3000} {
		for range 20 {
			a := gen(n)
			b := mutate(a)
			if rng.Intn(4) == 0 {
				b = gen(rng.Intn(n + 2))
			}
			segs := Diff(a, b, 0)
			if ga, gb := sides(segs); ga != a || gb != b {
				t.Fatalf("diff of %q and %q does not rebuild them: %v", a, b, segs)
			}
			for i := 1; i < len(segs); i++ {
				if segs[i].Op == segs[i-1].Op || segs[i].Text == "" {
					t.Fatalf("not merged: %v", segs)
				}
			}
		}
	}
}

func TestDiffTimeout(t *testing.T) {
	a := strings.Repeat("あいうえお\n", 2000)
	b := strings.Repeat("かきくけこ\n", 2000)
	segs := Diff(a, b, 1) // 1ns: gives up at once
	if ga, gb := sides(segs); ga != a || gb != b {
		t.Fatal("a diff cut short by the deadline must still rebuild both sides")
	}
}
