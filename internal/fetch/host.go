package fetch

import (
	"context"
	"sync"
	"time"
)

// hosts hands out one gate per host: a concurrency limit and a request
// rate, so a batch that lists many pages of one site stays polite.
type hosts struct {
	perHost  int
	interval time.Duration // between request starts; 0 = no rate limit

	mu    sync.Mutex
	gates map[string]*gate
}

type gate struct {
	slots chan struct{}

	mu       sync.Mutex
	next     time.Time     // earliest start of the next request
	interval time.Duration // may grow with robots.txt Crawl-delay
}

func newHosts(perHost int, rate float64) *hosts {
	h := &hosts{perHost: max(perHost, 1), gates: map[string]*gate{}}
	if rate > 0 {
		h.interval = time.Duration(float64(time.Second) / rate)
	}
	return h
}

func (h *hosts) get(host string) *gate {
	h.mu.Lock()
	defer h.mu.Unlock()
	g := h.gates[host]
	if g == nil {
		g = &gate{slots: make(chan struct{}, h.perHost), interval: h.interval}
		h.gates[host] = g
	}
	return g
}

// acquire takes one of the host's connection slots.
func (g *gate) acquire(ctx context.Context) error {
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gate) release() { <-g.slots }

// slowDown raises the interval between requests (never lowers it).
func (g *gate) slowDown(d time.Duration) {
	g.mu.Lock()
	g.interval = max(g.interval, d)
	g.mu.Unlock()
}

// wait blocks until the host's rate allows another request, reserving
// that start time.
func (g *gate) wait(ctx context.Context) error {
	g.mu.Lock()
	now := time.Now()
	start := now
	if g.next.After(now) {
		start = g.next
	}
	g.next = start.Add(g.interval)
	g.mu.Unlock()
	return sleep(ctx, start.Sub(now))
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
