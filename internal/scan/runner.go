package scan

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/fetch"
	"github.com/appilint/appilint/internal/load"
)

// Names of what a batch writes in its output directory.
const (
	ResultsFile = "results.jsonl"
	StateFile   = "state.json"
	CacheDir    = "cache"
)

// DefaultBudget is the analysis time one document may take.
const DefaultBudget = time.Minute

// Options configure a batch.
type Options struct {
	Out      string        // output directory
	Resume   bool          // skip inputs already recorded and append to results.jsonl
	Workers  int           // concurrent analyses (default GOMAXPROCS)
	Budget   time.Duration // analysis time per document (default DefaultBudget)
	Load     load.Options
	Fetch    fetch.Options // CacheDir defaults to Out/cache
	Rules    []*engine.Rule
	Engine   engine.Config
	Lang     string    // language of finding messages: ja or en
	Progress io.Writer // where the progress line goes; nil for none
}

// Stats count what one run did.
type Stats struct {
	Checked    int // records written by this run
	OK, Errors int
	Skipped    int // recorded by an earlier run (--resume)
	Duplicates int // an input named more than once
	Elapsed    time.Duration
}

// Run checks every input and streams one record per input to
// Out/results.jsonl as it completes. Memory does not grow with the batch:
// inputs are expanded lazily, records are written and forgotten, and only
// the IDs of finished inputs are kept (for --resume). A failing input is
// recorded with its reason and never stops the batch; Run returns an error
// only when the batch itself cannot go on (output not writable, canceled).
func Run(ctx context.Context, args, urlLists []string, opt Options) (Stats, error) {
	start := time.Now()
	var stats Stats
	if opt.Out == "" {
		return stats, errors.New("no output directory")
	}
	if len(args) == 0 && len(urlLists) == 0 {
		return stats, errors.New("nothing to scan: give paths, globs, URLs or --urls FILE")
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	budget := opt.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	if opt.Fetch.CacheDir == "" {
		opt.Fetch.CacheDir = filepath.Join(opt.Out, CacheDir)
	}

	var lists []*os.File
	defer func() {
		for _, f := range lists {
			f.Close()
		}
	}()
	for _, name := range urlLists {
		f, err := openURLList(name)
		if err != nil {
			return stats, err
		}
		lists = append(lists, f)
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return stats, err
	}
	st, err := openState(opt.Out, opt.Resume)
	if err != nil {
		return stats, err
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_APPEND
	if !opt.Resume {
		flags |= os.O_TRUNC
	}
	out, err := os.OpenFile(filepath.Join(opt.Out, ResultsFile), flags, 0o644)
	if err != nil {
		return stats, err
	}
	defer out.Close()

	client := fetch.New(opt.Fetch)
	defer client.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	r := &runner{
		client: client,
		check:  &checker{rules: opt.Rules, cfg: opt.Engine, lang: opt.Lang, load: opt.Load},
		cpu:    make(chan struct{}, workers),
		budget: budget,
	}
	prog := startProgress(opt.Progress)
	defer prog.stop()

	// Producer: expand the inputs lazily, dropping done and repeated ones.
	jobs := make(chan Input)
	var produceErr error
	go func() {
		defer close(jobs)
		defer prog.listed()
		seen := map[string]bool{}
		emit := func(in Input) bool {
			id := in.ID()
			switch {
			case st.prior[id]:
				stats.Skipped++
				return true
			case seen[id]:
				stats.Duplicates++
				return true
			}
			seen[id] = true
			prog.add()
			select {
			case jobs <- in:
				return true
			case <-ctx.Done():
				return false
			}
		}
		produceErr = expand(ctx, args, lists, urlLists, opt.Out, emit)
	}()

	if prog != nil {
		// Count the batch ahead of the producer for the ETA: walking the
		// inputs twice costs little next to checking them.
		go func() {
			n := int64(0)
			seen := map[string]bool{}
			count := func(in Input) bool {
				if id := in.ID(); !st.prior[id] && !seen[id] {
					seen[id] = true
					n++
				}
				return ctx.Err() == nil
			}
			var lists []*os.File
			for _, name := range urlLists {
				f, err := os.Open(name)
				if err != nil {
					return
				}
				defer f.Close()
				lists = append(lists, f)
			}
			if expand(ctx, args, lists, urlLists, opt.Out, count) == nil && ctx.Err() == nil {
				prog.setCount(n)
			}
		}()
	}

	// Workers: fetching waits on the network, so there are more workers
	// than cores; the analysis itself takes one of the cpu slots.
	results := make(chan Record)
	var wg sync.WaitGroup
	for range max(4*workers, 16) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				rec, ok := r.process(ctx, in)
				if !ok {
					continue // canceled: not recorded, so --resume will do it
				}
				select {
				case results <- rec:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Writer: one JSON line per record, flushed as it completes, so that
	// results.jsonl can be followed and an interrupted batch resumed.
	bw := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var writeErr error
	lastSave := time.Now()
	for rec := range results {
		if writeErr != nil {
			continue // draining after a failure
		}
		if err := enc.Encode(rec); err != nil {
			writeErr = err
		} else if err := bw.Flush(); err != nil {
			writeErr = err
		}
		if writeErr != nil {
			cancel()
			continue
		}
		st.add(rec.ID)
		stats.Checked++
		if rec.Status == StatusOK {
			stats.OK++
		} else {
			stats.Errors++
		}
		prog.done(rec.Status != StatusOK)
		if time.Since(lastSave) > 2*time.Second {
			if err := st.save(false); err != nil {
				writeErr = err
				cancel()
			}
			lastSave = time.Now()
		}
	}
	stats.Elapsed = time.Since(start)
	finished := writeErr == nil && produceErr == nil && ctx.Err() == nil
	if err := st.save(finished); err != nil && writeErr == nil {
		writeErr = err
	}
	switch {
	case writeErr != nil:
		return stats, fmt.Errorf("writing %s: %w", opt.Out, writeErr)
	case produceErr != nil:
		return stats, produceErr
	}
	return stats, context.Cause(ctx)
}

// Record statuses.
const (
	StatusOK    = "ok"
	StatusError = "error"
)

type runner struct {
	client *fetch.Client
	check  *checker
	cpu    chan struct{} // analysis slots
	budget time.Duration
}

// expand feeds the arguments, then the URL lists, to emit.
func expand(ctx context.Context, args []string, lists []*os.File, names []string, out string, emit func(Input) bool) error {
	x := &expander{ctx: ctx, emit: emit}
	if abs, err := filepath.Abs(out); err == nil {
		x.exclude = abs
	}
	for _, a := range args {
		if !x.arg(a) {
			return nil
		}
	}
	for i, f := range lists {
		if err := readURLList(names[i], f, emit); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
	}
	return nil
}

// process makes the record of one input; ok is false when the batch was
// canceled before the input was done.
func (r *runner) process(ctx context.Context, in Input) (rec Record, ok bool) {
	start := time.Now()
	rec = Record{ID: in.ID(), Source: in.Source, Company: in.Company, CheckedAt: start.UTC()}
	fail := func(reason string) (Record, bool) {
		rec.Status, rec.Error = StatusError, reason
		if rec.Company == "" {
			rec.Company = fallbackCompany(in)
		}
		rec.DurationMS = time.Since(start).Milliseconds()
		return rec, true
	}
	if in.Err != "" {
		return fail(in.Err)
	}
	var page *fetch.Page
	if in.URL != "" {
		p, err := r.client.Get(ctx, in.URL)
		if ctx.Err() != nil {
			return rec, false
		}
		if err != nil {
			return fail(err.Error())
		}
		page = p
		rec.FinalURL = p.FinalURL
	}

	select {
	case r.cpu <- struct{}{}:
	case <-ctx.Done():
		return rec, false
	}
	// The analysis runs in its own goroutine so that the budget can stop
	// waiting for it. Go cannot kill a goroutine: one that overruns goes on
	// in the background without its slot, so the batch always progresses.
	done := make(chan analysis, 1)
	go func(a analysis) { // a copy: the waiter may change rec after a timeout
		defer func() {
			if v := recover(); v != nil {
				a.err = fmt.Errorf("internal error: %v", v)
			}
			done <- a
		}()
		a.err = r.analyze(in, page, &a.rec)
	}(analysis{rec: rec})
	timer := time.NewTimer(r.budget)
	defer timer.Stop()
	var a analysis
	select {
	case a = <-done:
		<-r.cpu
	case <-timer.C:
		<-r.cpu
		return fail(fmt.Sprintf("time budget exceeded (%s)", r.budget))
	case <-ctx.Done():
		<-r.cpu
		return rec, false
	}
	if a.err != nil {
		return fail(reason(a.err))
	}
	rec = a.rec
	rec.Status = StatusOK
	if rec.Company == "" {
		rec.Company = rec.Operator
	}
	if rec.Company == "" {
		rec.Company = fallbackCompany(in)
	}
	rec.DurationMS = time.Since(start).Milliseconds()
	return rec, true
}

type analysis struct {
	rec Record
	err error
}

func (r *runner) analyze(in Input, page *fetch.Page, rec *Record) error {
	var src *load.Source
	var err error
	if page != nil {
		src, err = r.check.loadPage(page)
	} else {
		src, err = r.check.loadFile(in.Source)
	}
	if err != nil {
		return err
	}
	return r.check.check(src, rec)
}

// reason is an error as a record shows it: a load error without the path
// (the record has the source).
func reason(err error) string {
	var le *load.Error
	if errors.As(err, &le) {
		return le.Problem
	}
	return err.Error()
}
