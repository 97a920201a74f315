package scan

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// genDocs writes n policies to dir, built from testdata/policies with
// variations (operator name, section order, dropped sections, format) so
// that no two documents are the same.
func genDocs(t testing.TB, dir string, n int) {
	t.Helper()
	base := policy(t, "株式会社サンプル商事")
	thin, err := os.ReadFile(filepath.Join("..", "..", "testdata", "policies", "thin.txt"))
	if err != nil {
		t.Fatal(err)
	}
	head, rest, _ := strings.Cut(base, "\n## ")
	sections := strings.Split("## "+rest, "\n## ")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		company := fmt.Sprintf("株式会社テスト%04d", i)
		var b strings.Builder
		b.WriteString(strings.ReplaceAll(head, "株式会社サンプル商事", company))
		for _, j := range rng.Perm(len(sections)) {
			if rng.IntN(6) == 0 {
				continue // a missing section makes violations
			}
			s := strings.ReplaceAll(sections[j], "株式会社サンプル商事", company)
			if !strings.HasPrefix(s, "## ") {
				s = "## " + s
			}
			b.WriteString("\n" + s + "\n")
		}
		fmt.Fprintf(&b, "\n文書番号：%d\n", i)
		doc := b.String()
		var name string
		switch i % 5 {
		case 0, 1:
			name = fmt.Sprintf("d%04d.md", i)
		case 2:
			name = fmt.Sprintf("d%04d.txt", i)
			if i%10 == 2 {
				doc = string(thin) + fmt.Sprintf("\n%s\n", company)
			}
		default:
			name = fmt.Sprintf("d%04d.html", i)
			doc = page(toHTML(doc), "utf-8")
		}
		sub := filepath.Join(dir, fmt.Sprintf("g%02d", i%20))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// measurement is what one batch cost.
type measurement struct {
	docs     int
	elapsed  time.Duration
	cpu      time.Duration // user+system CPU time of the process
	peakHeap uint64        // highest HeapAlloc sampled (bounded by GOGC × live)
	peakLive uint64        // highest live heap after a GC: what the batch retains
	baseHeap uint64        // live heap before the batch (dictionary loaded)
}

func (m measurement) String() string {
	mib := func(b uint64) float64 { return float64(b) / (1 << 20) }
	return fmt.Sprintf("%5d docs  %6.1f docs/s  %5.1f ms CPU/doc  peak heap %6.1f MiB  peak live heap %6.1f MiB  (baseline %5.1f MiB, GOMAXPROCS %d)",
		m.docs, float64(m.docs)/m.elapsed.Seconds(), float64(m.cpu.Microseconds())/1000/float64(m.docs),
		mib(m.peakHeap), mib(m.peakLive), mib(m.baseHeap), runtime.GOMAXPROCS(0))
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// liveHeap is the heap that survived the last GC.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// measure scans n generated documents, sampling the heap every 10ms.
func measure(t testing.TB, n int) measurement {
	t.Helper()
	dir := t.TempDir()
	genDocs(t, filepath.Join(dir, "in"), n)
	opt := testOptions(t, filepath.Join(dir, "out"))
	opt.Workers = 0 // all cores
	opt.Load.MaxBytes = 0

	// Warm up: the morphological dictionary is loaded once per process
	// and is not part of what a batch holds.
	warm := filepath.Join(dir, "warm.md")
	os.WriteFile(warm, []byte(policy(t, "株式会社ウォーム")), 0o644)
	run(t, []string{warm}, nil, testOptions(t, filepath.Join(dir, "warm")))

	runtime.GC()
	m := measurement{docs: n, baseHeap: liveHeap()}
	var peak, peakLive atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > peak.Load() {
					peak.Store(ms.HeapAlloc)
				}
				if l := liveHeap(); l > peakLive.Load() {
					peakLive.Store(l)
				}
			}
		}
	}()
	start, cpu0 := time.Now(), cpuTime()
	st := run(t, []string{filepath.Join(dir, "in")}, nil, opt)
	m.elapsed, m.cpu = time.Since(start), cpuTime()-cpu0
	close(stop)
	wg.Wait()
	m.peakHeap, m.peakLive = peak.Load(), peakLive.Load()
	if st.Checked != n || st.OK != n {
		t.Fatalf("generated batch: %+v", st)
	}
	return m
}

// TestScanMemory reports throughput and peak heap for batches of growing
// size; the peak must not grow with the number of documents.
//
//	APPILINT_SCAN_SIZES=100,1000 go test -run TestScanMemory -v ./internal/scan
func TestScanMemory(t *testing.T) {
	sizes := os.Getenv("APPILINT_SCAN_SIZES")
	if sizes == "" {
		t.Skip("set APPILINT_SCAN_SIZES=100,1000 to measure")
	}
	var ms []measurement
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			t.Fatalf("bad size %q", s)
		}
		m := measure(t, n)
		t.Log(m)
		ms = append(ms, m)
	}
	first, last := ms[0], ms[len(ms)-1]
	if last.docs >= 5*first.docs && last.peakLive > first.peakLive+(32<<20) {
		t.Errorf("peak heap grows with the batch: %v → %v", first, last)
	}
}

// BenchmarkScan100 scans 100 generated documents per iteration.
func BenchmarkScan100(b *testing.B) {
	for b.Loop() {
		m := measure(b, 100)
		b.ReportMetric(float64(m.docs)/m.elapsed.Seconds(), "docs/s")
		b.ReportMetric(float64(m.peakHeap)/(1<<20), "peak-MiB")
		b.ReportMetric(float64(m.peakLive)/(1<<20), "live-MiB")
	}
}
