package rx

import "strings"

// indexLit is strings.Index for the literals the patterns look for, most
// of them Japanese. strings.Index finds candidates by a literal's first
// byte, and a first byte of kana or kanji (0xE3 to 0xE9) is every other
// byte of Japanese text: it stops at most of them before giving up on the
// shortcut (a katakana word: 600 ns in a 700-byte text). indexLit finds
// candidates by a rare byte of the literal instead (rareByte), which
// stops seldom (20 ns). Short texts, and literals without such a byte, go
// to strings.Index; so do texts where the rare byte turns out common.
func indexLit(s, lit string) int {
	n := len(lit)
	k := rareByte(lit)
	if k < 0 || len(s) <= shortText {
		return strings.Index(s, lit)
	}
	b := lit[k]
	last := len(s) - n + k // the last position of b that leaves room for the literal
	fails := 0
	for i := k; i <= last; i++ {
		j := strings.IndexByte(s[i:last+1], b)
		if j < 0 {
			return -1
		}
		i += j
		if start := i - k; s[start:start+n] == lit {
			return start
		}
		// Like strings.Index, bound the work of a shortcut that misfires.
		if fails++; fails > 4+i>>4 {
			from := i - k + 1
			if r := strings.Index(s[from:], lit); r >= 0 {
				return from + r
			}
			return -1
		}
	}
	return -1
}

// rareByte returns the position of the literal's last byte that is rare in
// Japanese text, or -1: a continuation byte other than 0x80 to 0x83, the
// middle bytes of every hiragana and katakana. The final bytes of kana
// and kanji spread over 64 values.
func rareByte(lit string) int {
	for i := len(lit) - 1; i >= 0; i-- {
		if c := lit[i]; c >= 0x84 && c <= 0xBF {
			return i
		}
	}
	return -1
}

// shortText is the length up to which strings.Index compares at every
// position at once (SIMD), faster than any candidate search.
const shortText = 64

func containsLit(s, lit string) bool { return indexLit(s, lit) >= 0 }
