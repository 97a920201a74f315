// Package fetch downloads policy pages for batch scans, safely and
// politely.
//
// Safety: only http and https, also for every redirect; connections to
// loopback, private and other non-public addresses are refused at dial
// time (after DNS resolution, so rebinding cannot get around it) unless
// allowed; bodies, redirects and time are capped; credentials in URLs
// never reach a Page, an Error or the cache. Politeness: a clear
// User-Agent, robots.txt, and per-host concurrency and rate limits;
// failures that may pass (5xx, 429, timeouts) are retried with
// exponential backoff and jitter, honouring Retry-After within a bound.
// Successful responses are cached on disk so that reruns do not refetch.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultUserAgent names the tool and where to learn about it.
const DefaultUserAgent = "appilint (+https://github.com/appilint/appilint)"

// Options configure a Client.
type Options struct {
	UserAgent    string        // sent with every request; its product token selects the robots.txt group
	Timeout      time.Duration // per attempt, from connecting to the last body byte
	MaxBytes     int64         // largest body accepted
	MaxRedirects int           // redirects followed per request
	Retries      int           // extra attempts after a 5xx, 429 or timeout (0 = none)
	Backoff      time.Duration // wait before the first retry; doubled each time, with jitter
	MaxWait      time.Duration // longest single wait (backoff, Retry-After, Crawl-delay)
	PerHost      int           // concurrent requests per host
	Rate         float64       // request starts per second per host (0 = unlimited)
	AllowPrivate bool          // allow loopback and private addresses (tests, intranets)
	IgnoreRobots bool          // do not read robots.txt
	CacheDir     string        // on-disk cache ("" = none)
}

// DefaultOptions are the settings of `appilint scan` without flags.
func DefaultOptions() Options {
	return Options{
		UserAgent:    DefaultUserAgent,
		Timeout:      30 * time.Second,
		MaxBytes:     10 << 20,
		MaxRedirects: 5,
		Retries:      2,
		Backoff:      time.Second,
		MaxWait:      30 * time.Second,
		PerHost:      2,
		Rate:         1,
	}
}

// Page is a fetched document.
type Page struct {
	URL         string // as requested, without credentials
	FinalURL    string // after redirects, without credentials
	Status      int
	ContentType string // the Content-Type header (with its charset)
	Body        []byte
	FetchedAt   time.Time
	FromCache   bool
}

// Charset returns the charset the Content-Type header declares, or "".
func (p *Page) Charset() string {
	_, params, err := mime.ParseMediaType(p.ContentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// Format returns "html", "txt", "md", "pdf" or "docx" from the
// Content-Type (the formats internal/load reads), or "" when the server
// did not say.
func (p *Page) Format() string {
	mt, _, _ := mime.ParseMediaType(p.ContentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return "html"
	case "text/plain":
		return "txt"
	case "text/markdown", "text/x-markdown":
		return "md"
	case "application/pdf":
		return "pdf"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return "docx"
	}
	return ""
}

// Error is a failed fetch. Its message is the reason alone, in words fit
// for results.jsonl; the URL (without credentials) is a separate field.
type Error struct {
	URL    string
	Reason string
	Status int // HTTP status, if a response came

	retry      bool          // worth another attempt
	retryAfter time.Duration // the server's Retry-After
	err        error
}

func (e *Error) Error() string { return e.Reason }

func (e *Error) Unwrap() error { return e.err }

// Client fetches pages. It is safe for concurrent use.
type Client struct {
	opt       Options
	transport *http.Transport
	pages     *http.Client // redirects checked against scheme, count and robots.txt
	plain     *http.Client // for robots.txt itself
	hosts     *hosts
	cache     *diskCache

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry // by origin (scheme://host:port)
}

type robotsEntry struct {
	ready chan struct{}
	r     *Robots
	err   *Error
}

// New returns a client; zero fields of opt take the defaults, except
// Retries and Rate, where zero means none and unlimited.
func New(opt Options) *Client {
	def := DefaultOptions()
	if opt.UserAgent == "" {
		opt.UserAgent = def.UserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = def.Timeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = def.MaxBytes
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = def.MaxRedirects
	}
	if opt.Backoff <= 0 {
		opt.Backoff = def.Backoff
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = def.MaxWait
	}
	if opt.PerHost <= 0 {
		opt.PerHost = def.PerHost
	}
	opt.Retries = max(opt.Retries, 0)

	dialer := &net.Dialer{Timeout: opt.Timeout, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = dialControl
	}
	tr := &http.Transport{
		// No proxy: a proxy would make the connection, and the address
		// check would see the proxy instead of the target.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   opt.PerHost,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   opt.Timeout,
		ResponseHeaderTimeout: opt.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	c := &Client{
		opt:       opt,
		transport: tr,
		hosts:     newHosts(opt.PerHost, opt.Rate),
		robots:    map[string]*robotsEntry{},
	}
	if opt.CacheDir != "" {
		c.cache = &diskCache{dir: opt.CacheDir}
	}
	c.pages = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect(true)}
	c.plain = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect(false)}
	return c
}

// Close releases idle connections.
func (c *Client) Close() { c.transport.CloseIdleConnections() }

func (c *Client) checkRedirect(robots bool) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > c.opt.MaxRedirects {
			return &Error{Reason: fmt.Sprintf("too many redirects (more than %d)", c.opt.MaxRedirects)}
		}
		if s := strings.ToLower(req.URL.Scheme); !allowedSchemes[s] {
			return &Error{Reason: fmt.Sprintf("redirect to a %s: URL refused (only http and https are followed)", s)}
		}
		if robots {
			if err := c.allowedByRobots(req.Context(), req.URL); err != nil {
				var fe *Error
				if errors.As(err, &fe) && fe.Reason == reasonRobots {
					return &Error{Reason: "redirect to " + Redact(req.URL.String()) + " is disallowed by robots.txt"}
				}
				return err
			}
		}
		return nil
	}
}

const reasonRobots = "disallowed by robots.txt"

// Get fetches a page: from the cache when it is there, else from the
// network after robots.txt allows it.
func (c *Client) Get(ctx context.Context, raw string) (*Page, error) {
	u, err := ParseURL(raw)
	if err != nil {
		return nil, &Error{URL: Redact(raw), Reason: err.Error()}
	}
	key := "page " + Redact(u.String())
	if p := c.cache.get(key, c.opt.MaxBytes); p != nil {
		return p, nil
	}
	if err := c.allowedByRobots(ctx, u); err != nil {
		return nil, err
	}
	g := c.hosts.get(u.Host)
	if err := g.acquire(ctx); err != nil {
		return nil, &Error{URL: Redact(u.String()), Reason: "canceled", err: err}
	}
	defer g.release()
	p, fe := c.retrying(ctx, u, g, c.pages, c.opt.MaxBytes, true)
	if fe != nil {
		return nil, fe
	}
	_ = c.cache.put(key, p) // a cache that cannot be written only costs a refetch
	return p, nil
}

// retrying runs attempts until one succeeds, fails for good, or the
// retries are used up.
func (c *Client) retrying(ctx context.Context, u *url.URL, g *gate, hc *http.Client, limit int64, page bool) (*Page, *Error) {
	for attempt := 0; ; attempt++ {
		if err := g.wait(ctx); err != nil {
			return nil, &Error{URL: Redact(u.String()), Reason: "canceled", err: err}
		}
		p, fe := c.once(ctx, u, hc, limit, page)
		if fe == nil {
			return p, nil
		}
		if !fe.retry || attempt >= c.opt.Retries || ctx.Err() != nil {
			return nil, fe
		}
		wait := c.opt.Backoff << attempt
		wait = wait/2 + rand.N(wait/2+1) // jitter spreads retries of many workers
		if fe.retryAfter > c.opt.MaxWait {
			fe.Reason += fmt.Sprintf(" (Retry-After %s is longer than the %s bound; not retried)", fe.retryAfter, c.opt.MaxWait)
			return nil, fe
		}
		wait = min(max(wait, fe.retryAfter), c.opt.MaxWait)
		if err := sleep(ctx, wait); err != nil {
			return nil, fe
		}
	}
}

// once makes one request.
func (c *Client) once(ctx context.Context, u *url.URL, hc *http.Client, limit int64, page bool) (*Page, *Error) {
	shown := Redact(u.String())
	actx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{URL: shown, Reason: "invalid request: " + stripURLError(err).Error()}
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1")
	req.Header.Set("Accept-Language", "ja,en;q=0.5")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, c.classify(ctx, shown, err)
	}
	defer resp.Body.Close()
	final := Redact(resp.Request.URL.String())

	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		drain(resp.Body)
		return nil, &Error{URL: shown, Status: resp.StatusCode, Reason: "HTTP " + resp.Status,
			retry: true, retryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	}
	if page && (resp.StatusCode < 200 || resp.StatusCode > 299) {
		drain(resp.Body)
		return nil, &Error{URL: shown, Status: resp.StatusCode, Reason: "HTTP " + resp.Status}
	}
	p := &Page{URL: shown, FinalURL: final, Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), FetchedAt: time.Now().UTC()}
	if page {
		if mt, _, _ := mime.ParseMediaType(p.ContentType); p.ContentType != "" && p.Format() == "" && mt != "application/octet-stream" {
			drain(resp.Body)
			return nil, &Error{URL: shown, Status: resp.StatusCode, Reason: "unsupported content type " + mt + " (want HTML, text, PDF or DOCX)"}
		}
		if resp.ContentLength > limit {
			return nil, &Error{URL: shown, Status: resp.StatusCode,
				Reason: fmt.Sprintf("response is %d bytes, over the size limit of %d bytes", resp.ContentLength, limit)}
		}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, c.classify(ctx, shown, err)
	}
	if int64(len(body)) > limit {
		if !page {
			body = body[:limit] // a robots.txt is read up to the limit
		} else {
			return nil, &Error{URL: shown, Status: resp.StatusCode,
				Reason: fmt.Sprintf("response is over the size limit of %d bytes", limit)}
		}
	}
	p.Body = body
	return p, nil
}

// classify turns a transport error into an Error with a reason and says
// whether it is worth retrying.
func (c *Client) classify(ctx context.Context, shown string, err error) *Error {
	var fe *Error
	if errors.As(err, &fe) { // from checkRedirect
		fe.URL = shown
		return fe
	}
	var pe *PrivateAddressError
	if errors.As(err, &pe) {
		return &Error{URL: shown, Reason: pe.Error(), err: err}
	}
	if ctx.Err() != nil {
		return &Error{URL: shown, Reason: "canceled", err: ctx.Err()}
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return &Error{URL: shown, Reason: fmt.Sprintf("timed out after %s", c.opt.Timeout), retry: true, err: err}
	}
	var de *net.DNSError
	if errors.As(err, &de) {
		reason := "cannot resolve host " + de.Name
		if de.IsNotFound {
			reason += ": no such host"
		}
		return &Error{URL: shown, Reason: reason, retry: de.IsTemporary || de.IsTimeout, err: err}
	}
	return &Error{URL: shown, Reason: stripURLError(err).Error(), retry: true, err: err}
}

// drain reads a little of an unwanted body so the connection can be reused.
func drain(r io.Reader) { _, _ = io.CopyN(io.Discard, r, 64<<10) }

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

// allowedByRobots returns an Error when robots.txt disallows u (or cannot
// be read because the server fails).
func (c *Client) allowedByRobots(ctx context.Context, u *url.URL) error {
	if c.opt.IgnoreRobots {
		return nil
	}
	r, err := c.robotsFor(ctx, u)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !r.Allowed(c.opt.UserAgent, path) {
		return &Error{URL: Redact(u.String()), Reason: reasonRobots}
	}
	return nil
}

// robotsFor returns the origin's robots.txt, fetching it once per run
// (and once per cache) however many workers ask at the same time.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*Robots, error) {
	origin := strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Host)
	c.robotsMu.Lock()
	e := c.robots[origin]
	if e == nil {
		e = &robotsEntry{ready: make(chan struct{})}
		c.robots[origin] = e
		c.robotsMu.Unlock()
		e.r, e.err = c.loadRobots(ctx, origin, u.Host)
		if ctx.Err() != nil {
			// Canceled, not failed: let the next caller try again.
			c.robotsMu.Lock()
			delete(c.robots, origin)
			c.robotsMu.Unlock()
		}
		close(e.ready)
	} else {
		c.robotsMu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, &Error{URL: Redact(u.String()), Reason: "canceled", err: ctx.Err()}
		}
	}
	if e.err != nil {
		fe := *e.err
		fe.URL = Redact(u.String())
		return nil, &fe
	}
	return e.r, nil
}

// loadRobots reads an origin's robots.txt. As RFC 9309 says, a 4xx means
// there are no rules and a 5xx (after retries) or an unreachable server
// means everything is disallowed.
func (c *Client) loadRobots(ctx context.Context, origin, host string) (*Robots, *Error) {
	key := "robots " + origin
	g := c.hosts.get(host)
	p := c.cache.get(key, maxRobotsBytes)
	if p == nil {
		u, _ := url.Parse(origin + "/robots.txt")
		var fe *Error
		// No concurrency slot: robots.txt may be read while a redirect
		// holds a slot of another host, and waiting for slots in both
		// orders could deadlock.
		p, fe = c.retrying(ctx, u, g, c.plain, maxRobotsBytes, false)
		if fe != nil {
			var pe *PrivateAddressError
			if errors.As(fe, &pe) {
				return nil, fe // the address is the reason, not robots.txt
			}
			return nil, &Error{Reason: "robots.txt could not be read (" + fe.Reason + "); not fetching", Status: fe.Status, err: fe}
		}
		_ = c.cache.put(key, p)
	}
	if p.Status >= 400 {
		return &Robots{}, nil
	}
	r := ParseRobots(p.Body)
	if d := r.CrawlDelay(c.opt.UserAgent); d > 0 {
		g.slowDown(min(d, c.opt.MaxWait))
	}
	return r, nil
}
