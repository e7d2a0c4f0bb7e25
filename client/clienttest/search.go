package clienttest

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Search paging limits and defaults.
const (
	defaultTake = 10
	maxTake     = 100
)

// search holds the parameters every search accepts.
type search struct {
	in         *input
	take, skip int
	desc       bool // created_on DESC
	or         bool // mode OR
	ranges     []timeRange
}

// timeRange is one of the filters created_on_from, created_on_to,
// modified_on_from and modified_on_to.
type timeRange struct {
	modified bool // modified_on rather than created_on
	to       bool // an upper rather than a lower bound (both inclusive)
	at       time.Time
}

// holds reports whether m lies within the bound.
func (tr timeRange) holds(m *meta) bool {
	t := m.Created
	if tr.modified {
		t = m.Modified
	}
	if tr.to {
		return !t.After(tr.at)
	}
	return !t.Before(tr.at)
}

// newSearch reads take and skip (query first, then body), mode, order and
// the time-range filters.
func (s *Server) newSearch(r *http.Request, body []byte, defaultDesc bool) *search {
	sr := &search{in: parseInput(body), take: defaultTake, desc: defaultDesc}
	q := r.URL.Query()
	sr.take = pagingParam(sr.in, q, "take", defaultTake, 1, maxTake)
	sr.skip = pagingParam(sr.in, q, "skip", 0, 0, 1<<31-1)
	mode, _ := sr.in.oneOf("mode", false, "AND", "OR")
	sr.or = mode == "OR"
	if raw, ok := sr.in.object("order"); ok {
		order, _ := sr.in.nested("order", raw)
		for k := range order.m {
			dir, ok := order.oneOf(k, false, "ASC", "DESC")
			if ok && k == "created_on" {
				sr.desc = dir == "DESC"
			}
		}
	}
	for _, f := range []struct {
		member string
		tr     timeRange
	}{
		{"created_on_from", timeRange{}},
		{"created_on_to", timeRange{to: true}},
		{"modified_on_from", timeRange{modified: true}},
		{"modified_on_to", timeRange{modified: true, to: true}},
	} {
		if t, ok := sr.in.time(f.member, false); ok {
			f.tr.at = t
			sr.ranges = append(sr.ranges, f.tr)
		}
	}
	return sr
}

// pagingParam reads take or skip from the query, falling back to the body.
func pagingParam(in *input, q map[string][]string, k string, def, lo, hi int) int {
	if vs, ok := q[k]; ok && len(vs) > 0 {
		n, err := strconv.Atoi(vs[0])
		if err != nil || n < lo || n > hi {
			in.errs[in.prefix+k] = fieldError{Message: k + " must be an integer between " + strconv.Itoa(lo) + " and " + strconv.Itoa(hi), Value: jsonString(vs[0])}
			return def
		}
		return n
	}
	if n, ok := in.integer(k, false, lo, hi); ok {
		return n
	}
	return def
}

// run filters, orders and pages items (given in creation order).
func run[T entity](sr *search, items []T, filters ...func(T) bool) (page []T, total int) {
	for _, tr := range sr.ranges {
		filters = append(filters, func(v T) bool { return tr.holds(v.base()) })
	}
	var matched []T
	for _, v := range items {
		if matches(v, sr.or, filters) {
			matched = append(matched, v)
		}
	}
	if sr.desc {
		for i, j := 0, len(matched)-1; i < j; i, j = i+1, j-1 {
			matched[i], matched[j] = matched[j], matched[i]
		}
	}
	total = len(matched)
	if sr.skip >= total {
		return nil, total
	}
	end := min(sr.skip+sr.take, total)
	return matched[sr.skip:end], total
}

// matches combines the filters with AND, or with OR when or is set; no
// filters match everything.
func matches[T any](v T, or bool, filters []func(T) bool) bool {
	if len(filters) == 0 {
		return true
	}
	for _, f := range filters {
		if f(v) == or {
			return or
		}
	}
	return !or
}

// writePage answers with a page payload.
func writePage[T any](w http.ResponseWriter, sr *search, items []T, total int, render func(T) obj) {
	data := make([]obj, 0, len(items))
	for _, v := range items {
		data = append(data, render(v))
	}
	writeOK(w, http.StatusOK, obj{"take": sr.take, "skip": sr.skip, "total": total, "data": data})
}

// maskMatch reports whether mask occurs in s. In the mask "*" matches any
// run of characters and, when digits is set, "x", "X" and "%" match one
// digit; everything else matches itself.
func maskMatch(mask, s string, digits bool) bool {
	var b strings.Builder
	for _, r := range mask {
		switch {
		case r == '*':
			b.WriteString(".*")
		case digits && (r == 'x' || r == 'X' || r == '%'):
			b.WriteString("[0-9]")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re, err := regexp.Compile(b.String())
	return err == nil && re.MatchString(s)
}
