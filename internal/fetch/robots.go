package fetch

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309): groups of user agents with
// Allow and Disallow rules.
type Robots struct {
	groups []robotsGroup
}

type robotsGroup struct {
	agents     []string // lower-cased product tokens, "*" for any
	rules      []robotsRule
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobotsBytes is the part of a robots.txt a crawler must parse
// (RFC 9309 section 2.5 asks for at least 500 KiB).
const maxRobotsBytes = 512 << 10

// ParseRobots parses a robots.txt. Unknown lines are ignored, as the RFC
// requires; rules before any User-agent line belong to no group.
func ParseRobots(data []byte) *Robots {
	r := &Robots{}
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var cur *robotsGroup
	inAgents := false // the previous significant line was a User-agent
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes+1)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, productToken(value))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || value == "" {
				continue // an empty Disallow allows everything
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 {
					cur.crawlDelay = time.Duration(s * float64(time.Second))
				}
			}
		default:
			// sitemap and extensions do not end a group's agent list in
			// practice, but any other record ends it here.
			if key != "sitemap" {
				inAgents = false
			}
		}
	}
	return r
}

// productToken lower-cases a user agent and drops a version or comment:
// "AppiLint/1.0 (+https://…)" → "appilint".
func productToken(ua string) string {
	ua = strings.TrimSpace(ua)
	if i := strings.IndexAny(ua, "/ ("); i >= 0 {
		ua = ua[:i]
	}
	return strings.ToLower(ua)
}

// matching returns the groups that apply to the agent: those naming its
// product token, else those for "*". Several matching groups are merged.
func (r *Robots) matching(agent string) []*robotsGroup {
	token := productToken(agent)
	var named, any []*robotsGroup
	for i := range r.groups {
		g := &r.groups[i]
		switch {
		case token != "" && slices.Contains(g.agents, token):
			named = append(named, g)
		case slices.Contains(g.agents, "*"):
			any = append(any, g)
		}
	}
	if len(named) > 0 {
		return named
	}
	return any
}

// Allowed reports whether the agent may fetch path (the URL's escaped path
// and query). The longest matching rule wins; on a tie Allow wins.
func (r *Robots) Allowed(agent, path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, g := range r.matching(agent) {
		for _, rule := range g.rules {
			if len(rule.pattern) < best || !matchPattern(rule.pattern, path) {
				continue
			}
			if len(rule.pattern) > best {
				best, allow = len(rule.pattern), rule.allow
			} else if rule.allow {
				allow = true
			}
		}
	}
	return allow
}

// CrawlDelay is the longest Crawl-delay of the agent's groups (not in the
// RFC, but many Japanese sites set it and honouring it is polite).
func (r *Robots) CrawlDelay(agent string) time.Duration {
	var d time.Duration
	for _, g := range r.matching(agent) {
		d = max(d, g.crawlDelay)
	}
	return d
}

// matchPattern matches a robots.txt path pattern against a path: a prefix
// match where '*' matches any run of characters and a final '$' anchors
// the end.
func matchPattern(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	// Iterative wildcard matching with backtracking to the last '*', which
	// is linear enough for the short patterns of robots.txt.
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true
		case star >= 0:
			mark++
			p, s = star+1, mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
