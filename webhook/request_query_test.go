package webhook

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// TestParseQueryMatchesURL compares parseQuery with url.ParseQuery on
// queries of every shape it treats apart, and on random ones.
func TestParseQueryMatchesURL(t *testing.T) {
	queries := []string{
		"", "&", "&&", "a", "a=", "=b", "=", "a=1", "a=1&a=2&a=3", "a=1&b=2&a=3",
		"a=1&&b=2", "a;b=1&c=2", "a=1;b=2", "%zz=1&b=2", "a=%zz&b=2", "a=%2", "a+b=c+d",
		"a=%2B15550100001", "%61=1&a=2", "a=b=c", "dtmf=&from=%2B1&tn=2", "x=%E2%82%AC",
		strings.Repeat("a=1&", maxFastQueryParams) + "b=2", // url.ParseQuery's own path
	}
	rng := rand.New(rand.NewPCG(14, 1))
	alphabet := []byte("ab=&;%2B+zZ")
	for range 2000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		queries = append(queries, string(b))
	}
	for _, q := range queries {
		want, _ := url.ParseQuery(q)
		if got := parseQuery(q); !reflect.DeepEqual(got, want) {
			t.Errorf("parseQuery(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestParseQueryValuesAreSeparate checks that the shared backing array
// does not show: appending to one parameter's values leaves the others as
// they were.
func TestParseQueryValuesAreSeparate(t *testing.T) {
	q := parseQuery("a=1&b=2&c=3")
	q["a"] = append(q["a"], "x")
	q["b"] = append(q["b"], "y", "z")
	want := url.Values{"a": {"1", "x"}, "b": {"2", "y", "z"}, "c": {"3"}}
	if !reflect.DeepEqual(q, want) {
		t.Errorf("after appending: %v, want %v", q, want)
	}
}

// TestParseQueryHonoursGODEBUG: with urlmaxqueryparams set, url.ParseQuery
// refuses a query over the limit, and so does parseQuery.
func TestParseQueryHonoursGODEBUG(t *testing.T) {
	t.Setenv("GODEBUG", "urlmaxqueryparams=2")
	q := "a=1&b=2&c=3"
	if got := parseQuery(q); len(got) != 0 {
		t.Errorf("parseQuery(%q) under urlmaxqueryparams=2 = %v, want no parameter", q, got)
	}
	if got := parseQuery("a=1"); !reflect.DeepEqual(got, url.Values{"a": {"1"}}) {
		t.Errorf("parseQuery(a=1) under urlmaxqueryparams=2 = %v", got)
	}
}

func BenchmarkParseQuery(b *testing.B) {
	const q = "step=menu&dtmf=1&from=%2B15550100001&tn=15550100002&state=live" +
		"&sca=30000000-0000-4000-8000-000000000001&call=20000000-0000-4000-8000-000000000001"
	for _, bc := range []struct {
		name  string
		parse func(string) url.Values
	}{
		{"url", func(s string) url.Values { v, _ := url.ParseQuery(s); return v }},
		{"webhook", parseQuery},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if v := bc.parse(q); len(v) != 7 {
					b.Fatal(fmt.Sprint(v))
				}
			}
		})
	}
}
