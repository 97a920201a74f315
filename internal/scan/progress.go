package scan

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress draws a one-line progress bar ("\r" redraws) while a batch
// runs. The caller decides whether there is a terminal to draw on.
type progress struct {
	w       io.Writer
	start   time.Time
	total   atomic.Int64 // inputs handed out so far
	counted atomic.Int64 // inputs in the whole batch, once counted; -1 before
	n       atomic.Int64
	errs    atomic.Int64
	listing atomic.Bool // inputs are still being expanded: total may grow
	quit    chan struct{}
	wg      sync.WaitGroup
}

// startProgress starts redrawing on w; with a nil w every method is a no-op.
func startProgress(w io.Writer) *progress {
	if w == nil {
		return nil
	}
	p := &progress{w: w, start: time.Now(), quit: make(chan struct{})}
	p.listing.Store(true)
	p.counted.Store(-1)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw()
			case <-p.quit:
				fmt.Fprint(p.w, "\r\033[K") // leave the line clean for the summary
				return
			}
		}
	}()
	return p
}

func (p *progress) add() {
	if p != nil {
		p.total.Add(1)
	}
}

// setCount gives the size of the batch, counted ahead of the producer so
// that the bar can show an ETA while inputs are still being handed out.
func (p *progress) setCount(n int64) {
	if p != nil {
		p.counted.Store(n)
	}
}

func (p *progress) listed() {
	if p != nil {
		p.listing.Store(false)
	}
}

func (p *progress) done(failed bool) {
	if p == nil {
		return
	}
	p.n.Add(1)
	if failed {
		p.errs.Add(1)
	}
}

func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.quit)
	p.wg.Wait()
}

func (p *progress) draw() {
	n, total := p.n.Load(), p.total.Load()
	listing := p.listing.Load()
	if c := p.counted.Load(); c >= 0 {
		total, listing = max(c, total), false
	}
	elapsed := time.Since(p.start)
	rate := float64(n) / elapsed.Seconds()
	const width = 24
	filled := 0
	if total > 0 {
		filled = int(float64(width) * float64(n) / float64(total))
	}
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	more, eta := "", "?"
	if listing {
		more = "+"
	} else if rate > 0 {
		eta = time.Duration(float64(total-n) / rate * float64(time.Second)).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\033[K[%s] %d/%d%s  %.1f docs/s  ETA %s  errors %d", bar, n, total, more, rate, eta, p.errs.Load())
}
