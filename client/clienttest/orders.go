package clienttest

import (
	"net/http"
	"slices"
	"strconv"
)

// Order states.
const (
	orderProcessing = "processing"
	orderSuccess    = "success"
	orderFailed     = "failed"
)

// order is a number order.
type order struct {
	meta
	state    string
	items    []orderItem // accepted items
	rejected []orderItem // items whose number was not available
	leases   []string    // lease uuids, once the order succeeded
	polls    int         // GET /order/{uuid} calls left before it completes
}

type orderItem struct {
	tn        int64
	typ       string
	features  []string
	autorenew bool
}

func orderItemJSON(it orderItem) obj {
	return obj{"tn": it.tn, "features": it.features, "autorenew": it.autorenew}
}

// orderCounters renders the short form POST /order answers with.
func orderCounters(o *order) obj {
	succeeded, processing := 0, 0
	switch o.state {
	case orderSuccess:
		succeeded = len(o.items)
	case orderProcessing:
		processing = len(o.items)
	}
	return obj{
		"uuid":        o.UUID,
		"state":       o.state,
		"total":       len(o.items) + len(o.rejected),
		"success":     succeeded,
		"processing":  processing,
		"failed":      len(o.rejected),
		"created_on":  stamp(o.Created),
		"modified_on": stamp(o.Modified),
	}
}

// orderJSON renders the full order. The caller holds s.mu.
func (s *Server) orderJSON(o *order) obj {
	out := orderCounters(o)
	items, errs, tns, leases := []obj{}, []obj{}, []obj{}, []obj{}
	for _, it := range o.items {
		items = append(items, orderItemJSON(it))
		tns = append(tns, tnRecordJSON(it.tn, it.typ, o.meta))
	}
	for _, it := range o.rejected {
		errs = append(errs, obj{"item": orderItemJSON(it), "reason": "not available", "description": "the number is not available for purchase"})
	}
	for _, id := range o.leases {
		if l, ok := s.st.leases[id]; ok {
			leases = append(leases, s.leaseJSON(l, false))
		}
	}
	out["items"], out["errors"], out["tns"], out["tnleases"] = items, errs, tns, leases
	return out
}

// handleOrderCreate serves POST /order.
func (s *Server) handleOrderCreate(w http.ResponseWriter, _ *http.Request, body []byte) {
	in := parseInput(body)
	raws, _ := in.array("items", true)
	var items []orderItem
	for i, raw := range raws {
		sub, ok := in.nested("items["+strconv.Itoa(i)+"]", raw)
		if !ok {
			continue
		}
		tn, _ := sub.phone("tn", true)
		features, _ := sub.strings("features", true)
		if len(features) == 0 {
			sub.fail("features", "features must not be empty")
		}
		for _, f := range features {
			if f != "voice" && f != "sms" {
				sub.fail("features", "features must be voice or sms")
			}
		}
		autorenew, _ := sub.boolean("autorenew", true)
		items = append(items, orderItem{tn: tn, features: features, autorenew: autorenew})
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	if s.exhausted {
		noBalance(w)
		return
	}
	o := &order{meta: s.newMeta()}
	for _, it := range items {
		typ, ok := s.st.inventory[it.tn]
		if !ok {
			o.rejected = append(o.rejected, it)
			continue
		}
		delete(s.st.inventory, it.tn)
		it.typ = typ
		o.items = append(o.items, it)
	}
	switch {
	case len(o.items) == 0:
		o.state = orderFailed
	case s.cfg.pendingPolls > 0:
		o.state = orderProcessing
		o.polls = s.cfg.pendingPolls
	default:
		s.completeOrder(o)
	}
	s.st.orders[o.UUID] = o
	writeOK(w, http.StatusCreated, orderCounters(o))
}

// completeOrder turns the order's items into leases. The caller holds s.mu.
func (s *Server) completeOrder(o *order) {
	now := s.now()
	for _, it := range o.items {
		l := &lease{
			meta:      s.newMeta(),
			tn:        it.tn,
			typ:       it.typ,
			autorenew: it.autorenew,
			expires:   now.AddDate(0, 1, 0),
			order:     o.UUID,
		}
		s.st.leases[l.UUID] = l
		o.leases = append(o.leases, l.UUID)
	}
	o.state = orderSuccess
	o.Modified = now
}

// handleOrderGet serves GET /order/{uuid}; it advances pending orders.
func (s *Server) handleOrderGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	o, ok := s.st.orders[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Order")
		return
	}
	if o.state == orderProcessing {
		o.polls--
		if o.polls <= 0 {
			s.completeOrder(o)
		}
	}
	writeOK(w, http.StatusOK, s.orderJSON(o))
}

// handleOrderSearch serves POST /order/search.
func (s *Server) handleOrderSearch(w http.ResponseWriter, r *http.Request, body []byte) {
	sr := s.newSearch(r, body, false)
	var fs []func(*order) bool
	if v, ok := sr.in.str("state", false); ok && v != "" {
		fs = append(fs, func(o *order) bool { return o.state == v })
	}
	if sr.in.failed() {
		s.invalid(w, sr.in.errs)
		return
	}
	page, total := run(sr, ordered(s.st.orders), fs...)
	writePage(w, sr, page, total, s.orderJSON)
}

// leasesOf returns the leases matching keep, in creation order. The caller
// holds s.mu.
func (s *Server) leasesOf(keep func(*lease) bool) []*lease {
	return slices.DeleteFunc(ordered(s.st.leases), func(l *lease) bool { return !keep(l) })
}
