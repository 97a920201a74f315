//go:build rxstats

package rx

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
)

// With the rxstats build tag, every call of a matching method is timed
// per pattern, for finding the patterns that cost the rules most:
//
//	go test -tags rxstats ./rules -run TestPatternCosts -v
const statsOn = true

var stats struct {
	sync.Mutex
	by map[*Regexp]*patternCost
}

type patternCost struct {
	calls int
	time  time.Duration
}

func record(re *Regexp, start time.Time) {
	d := time.Since(start)
	stats.Lock()
	defer stats.Unlock()
	if stats.by == nil {
		stats.by = map[*Regexp]*patternCost{}
	}
	c := stats.by[re]
	if c == nil {
		c = &patternCost{}
		stats.by[re] = c
	}
	c.calls++
	c.time += d
}

// ResetStats forgets the costs recorded so far.
func ResetStats() {
	stats.Lock()
	stats.by = nil
	stats.Unlock()
}

// WriteStats writes the n costliest patterns, with their calls, time and the
// way each is matched.
func WriteStats(w io.Writer, n int) {
	stats.Lock()
	defer stats.Unlock()
	type row struct {
		re *Regexp
		c  *patternCost
	}
	var rows []row
	var total time.Duration
	calls := 0
	for re, c := range stats.by {
		rows = append(rows, row{re, c})
		total += c.time
		calls += c.calls
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].c.time > rows[j].c.time })
	fmt.Fprintf(w, "%d patterns, %d calls, %v\n", len(rows), calls, total)
	for i, r := range rows {
		if i == n {
			break
		}
		expr := []rune(r.re.expr)
		if len(expr) > 80 {
			expr = append(expr[:80], '…')
		}
		fmt.Fprintf(w, "%8.2fms %8d %6.0fns  %-8s %s\n", float64(r.c.time)/1e6, r.c.calls,
			float64(r.c.time)/float64(r.c.calls), r.re.way(), string(expr))
	}
}

// way names the shortcuts a pattern is matched with, for statistics.
func (re *Regexp) way() string {
	w := re.shortcut()
	w = w[:strings.IndexByte(w+" ", ' ')]
	switch {
	case re.head != nil:
		w += "+head"
	case re.lead != nil:
		w += "+lead"
	case re.whole != nil && re.whole.alpha != nil:
		w += "+alpha"
	}
	return w
}
