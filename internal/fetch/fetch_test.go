package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testServer counts hits per path and serves the handlers given.
type testServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newServer(t *testing.T, routes map[string]http.HandlerFunc) *testServer {
	t.Helper()
	s := &testServer{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testServer) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *testServer) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

func html(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// testOptions are fast settings for loopback servers.
func testOptions() Options {
	return Options{
		Timeout: 200 * time.Millisecond, MaxBytes: 4096, MaxRedirects: 3, Retries: 1,
		Backoff: 5 * time.Millisecond, MaxWait: 100 * time.Millisecond, PerHost: 4, AllowPrivate: true,
	}
}

func reason(t *testing.T, err error) string {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *fetch.Error", err, err)
	}
	return fe.Reason
}

func TestGet(t *testing.T) {
	var flaky atomic.Int32
	s := newServer(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.UserAgent(), "appilint") {
				t.Errorf("User-Agent %q", r.UserAgent())
			}
			fmt.Fprint(w, "User-agent: *\nDisallow: /secret/\n")
		},
		"/ok": html("<p>当社</p>"),
		"/sjis": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=Shift_JIS")
			w.Write([]byte{0x93, 0x96})
		},
		"/r1":   func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/r2", http.StatusFound) },
		"/r2":   func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) },
		"/loop": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) },
		"/ftp": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
		},
		"/js": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "javascript:alert(1)", http.StatusFound)
		},
		"/to-secret": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/secret/page", http.StatusFound)
		},
		"/secret/page": html("secret"),
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		},
		"/trickle": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(200)
			for i := 0; i < 50; i++ {
				w.Write([]byte("当社"))
				w.(http.Flusher).Flush()
				select {
				case <-time.After(20 * time.Millisecond):
				case <-r.Context().Done():
					return
				}
			}
		},
		"/big": html(strings.Repeat("あ", 5000)),
		"/bigchunked": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 100; i++ {
				w.Write([]byte(strings.Repeat("x", 100)))
				w.(http.Flusher).Flush()
			}
		},
		"/flaky": func(w http.ResponseWriter, r *http.Request) {
			if flaky.Add(1) == 1 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			html("<p>回復</p>")(w, r)
		},
		"/429": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		},
		"/500": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) },
		"/png": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		},
	})
	c := New(testOptions())
	defer c.Close()
	ctx := context.Background()

	p, err := c.Get(ctx, s.URL+"/ok")
	if err != nil || string(p.Body) != "<p>当社</p>" || p.Format() != "html" || p.Charset() != "utf-8" {
		t.Fatalf("Get /ok = %+v, %v", p, err)
	}
	p, err = c.Get(ctx, s.URL+"/sjis")
	if err != nil || p.Charset() != "Shift_JIS" {
		t.Fatalf("Get /sjis = %+v, %v", p, err)
	}
	p, err = c.Get(ctx, s.URL+"/r1#frag")
	if err != nil || p.FinalURL != s.URL+"/ok" || p.URL != s.URL+"/r1" {
		t.Fatalf("redirects: %+v, %v", p, err)
	}
	if p, err := c.Get(ctx, s.URL+"/flaky"); err != nil || string(p.Body) != "<p>回復</p>" || s.hit("/flaky") != 2 {
		t.Fatalf("retry after 503: %+v, %v, hits %d", p, err, s.hit("/flaky"))
	}

	failures := []struct{ path, want string }{
		{"/missing", "HTTP 404 Not Found"},
		{"/loop", "too many redirects"},
		{"/ftp", "redirect to a ftp: URL refused"},
		{"/js", "redirect to a javascript: URL refused"},
		{"/secret/page", "disallowed by robots.txt"},
		{"/to-secret", "is disallowed by robots.txt"},
		{"/slow", "timed out after 200ms"},
		{"/trickle", "timed out after 200ms"},
		{"/big", "over the size limit of 4096 bytes"},
		{"/bigchunked", "over the size limit of 4096 bytes"},
		{"/429", "Retry-After 1h0m0s is longer than the 100ms bound"},
		{"/500", "HTTP 500 Internal Server Error"},
		{"/png", "unsupported content type image/png"},
	}
	for _, f := range failures {
		_, err := c.Get(ctx, s.URL+f.path)
		if err == nil {
			t.Errorf("Get %s: no error", f.path)
			continue
		}
		if r := reason(t, err); !strings.Contains(r, f.want) {
			t.Errorf("Get %s: reason %q, want %q", f.path, r, f.want)
		}
	}
	if n := s.hit("/slow"); n != 2 {
		t.Errorf("a timeout is retried once: %d hits", n)
	}
	if n := s.hit("/500"); n != 2 {
		t.Errorf("a 500 is retried once: %d hits", n)
	}
	if n := s.hit("/429"); n != 1 {
		t.Errorf("a Retry-After beyond the bound is not retried: %d hits", n)
	}
	if n := s.hit("/secret/page"); n != 0 {
		t.Errorf("a disallowed page was fetched %d times", n)
	}
	if n := s.hit("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", n)
	}

	for _, bad := range []string{"ftp://example.com/", "file:///etc/passwd", "/relative", "http://"} {
		if _, err := c.Get(ctx, bad); err == nil {
			t.Errorf("Get %q: no error", bad)
		}
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	s := newServer(t, map[string]http.HandlerFunc{"/": html("x")})
	opt := testOptions()
	opt.AllowPrivate = false
	c := New(opt)
	defer c.Close()
	for _, u := range []string{s.URL + "/", strings.Replace(s.URL, "127.0.0.1", "localhost", 1) + "/"} {
		_, err := c.Get(context.Background(), u)
		var pe *PrivateAddressError
		if !errors.As(err, &pe) || !strings.Contains(reason(t, err), "non-public address") {
			t.Errorf("Get %s: %v, want a private-address refusal", u, err)
		}
	}
	if n := s.total(); n != 0 {
		t.Errorf("server was reached %d times", n)
	}
}

// TestDialControl checks the dial-time guard directly: a test cannot make
// a public host redirect to a private one, but every connection, first
// request or redirect, goes through this function.
func TestDialControl(t *testing.T) {
	if err := dialControl("tcp", "127.0.0.1:80", nil); err == nil {
		t.Fatal("loopback allowed")
	}
	if err := dialControl("tcp", "[::ffff:10.0.0.1]:80", nil); err == nil {
		t.Fatal("mapped private allowed")
	}
	if err := dialControl("tcp", "93.184.216.34:443", nil); err != nil {
		t.Fatalf("public address refused: %v", err)
	}
}

func TestIsPublic(t *testing.T) {
	for _, a := range []string{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
		"100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1", "255.255.255.255"} {
		if isPublic(netip.MustParseAddr(a)) {
			t.Errorf("%s counted as public", a)
		}
	}
	for _, a := range []string{"8.8.8.8", "133.242.0.1", "2001:4860:4860::8888"} {
		if !isPublic(netip.MustParseAddr(a)) {
			t.Errorf("%s counted as private", a)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := map[string]string{
		"https://user:secret@example.com/p?q=1": "https://example.com/p?q=1",
		"https://example.com/p":                 "https://example.com/p",
		"http://user:p%zz@example.com/":         "http://example.com/",
		"not a url":                             "not a url",
	}
	for in, want := range tests {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCredentialsNeverShown(t *testing.T) {
	s := newServer(t, map[string]http.HandlerFunc{"/ok": html("x")})
	c := New(testOptions())
	defer c.Close()
	withCreds := strings.Replace(s.URL, "http://", "http://alice:hunter2@", 1)
	p, err := c.Get(context.Background(), withCreds+"/ok")
	if err != nil || strings.Contains(p.URL+p.FinalURL, "hunter2") {
		t.Fatalf("page %+v, %v", p, err)
	}
	_, err = c.Get(context.Background(), withCreds+"/missing")
	var fe *Error
	if !errors.As(err, &fe) || strings.Contains(fe.URL+fe.Reason, "hunter2") {
		t.Fatalf("error leaks credentials: %+v", fe)
	}
}

func TestCache(t *testing.T) {
	s := newServer(t, map[string]http.HandlerFunc{
		"/p": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=Shift_JIS")
			w.Write([]byte("<p>x</p>"))
		},
	})
	opt := testOptions()
	opt.CacheDir = t.TempDir()
	for run := 0; run < 2; run++ {
		c := New(opt)
		p, err := c.Get(context.Background(), s.URL+"/p")
		c.Close()
		if err != nil || p.Charset() != "Shift_JIS" || p.FromCache != (run == 1) {
			t.Fatalf("run %d: %+v, %v", run, p, err)
		}
	}
	if s.hit("/p") != 1 || s.hit("/robots.txt") != 1 {
		t.Errorf("rerun refetched: %v", s.hits)
	}
}

func TestRobotsServerError(t *testing.T) {
	s := newServer(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) },
		"/p":          html("x"),
	})
	c := New(testOptions())
	defer c.Close()
	_, err := c.Get(context.Background(), s.URL+"/p")
	if err == nil || !strings.Contains(reason(t, err), "robots.txt could not be read") {
		t.Fatalf("robots.txt 503: %v", err)
	}
	if s.hit("/p") != 0 {
		t.Error("page fetched although robots.txt failed")
	}
}

func TestPerHostLimits(t *testing.T) {
	var cur, peak atomic.Int32
	s := newServer(t, map[string]http.HandlerFunc{
		"/p": func(w http.ResponseWriter, r *http.Request) {
			n := cur.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			cur.Add(-1)
			html("x")(w, r)
		},
	})
	opt := testOptions()
	opt.PerHost = 2
	opt.Rate = 100 // 10ms apart
	c := New(opt)
	defer c.Close()
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), fmt.Sprintf("%s/p?i=%d", s.URL, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 2 {
		t.Errorf("%d concurrent requests to one host, limit 2", p)
	}
	// 9 request starts (robots.txt included) 10ms apart take at least 80ms.
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("rate limit not applied: 9 requests in %v", d)
	}
}

func TestCanceled(t *testing.T) {
	s := newServer(t, map[string]http.HandlerFunc{"/slow": func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}})
	opt := testOptions()
	opt.Timeout = 5 * time.Second
	c := New(opt)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Get(ctx, s.URL+"/slow")
	if err == nil || time.Since(start) > time.Second {
		t.Fatalf("cancel: %v after %v", err, time.Since(start))
	}
}
