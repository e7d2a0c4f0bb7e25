package render

import "testing"

func TestEditDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"say", "say", 0},
		{"", "say", 3},
		{"hangupp", "hangup", 1}, // one insertion
		{"hangp", "hangup", 1},   // one deletion
		{"pouse", "pause", 1},    // one replacement
		{"sya", "say", 1},        // swapped neighbours count once
		{"gahter", "gather", 1},
		{"dtmf", "fmtd", 3},
		{"é", "e", 1}, // characters, not bytes
		{string(make([]byte, 100)), "say", 100},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := editDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	names := []string{"Gather", "Hangup", "Hold", "Say", "Schedule", "Tone"}
	tests := []struct {
		name, want string
	}{
		{"Hangupp", "Hangup"},
		{"hangup", "Hangup"}, // case alone
		{"SAY", "Say"},
		{"Sya", "Say"},
		{"Gahter", "Gather"},
		{"Shedule", "Schedule"},
		{"Sceduel", "Schedule"}, // two edits in a long name
		{"Hlod", "Hold"},
		{"Hxyz", ""},  // too far
		{"Sa", "Say"}, // one edit in a short name
		{"S", ""},     // two edits in a short name is too many
		{"Tone", ""},  // the name itself is never suggested
		{"Conference", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.name, names); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
