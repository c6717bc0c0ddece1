package diff

import "testing"

func TestCompareBound(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		name  string
		o, n  *string
		isMax bool
		want  int
	}{
		{"both open", nil, nil, true, 0},
		{"same max", s("10"), s("10"), true, 0},
		{"same value, other spelling", s("10"), s("10.0"), true, 0},
		{"max appears", nil, s("10"), true, -1},
		{"max goes away", s("10"), nil, true, 1},
		{"max falls", s("10"), s("5"), true, -1},
		{"max rises", s("5"), s("10"), true, 1},
		{"min appears", nil, s("1"), false, -1},
		{"min goes away", s("1"), nil, false, 1},
		{"min rises", s("1"), s("2"), false, -1},
		{"min falls", s("2"), s("1"), false, 1},
		{"decimal min rises", s("0.5"), s("0.75"), false, -1},
		{"negative max falls", s("-1"), s("-2"), true, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compareBound(tt.o, tt.n, tt.isMax); got != tt.want {
				t.Errorf("compareBound = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestBoundsText(t *testing.T) {
	one, ten := "1", "10"
	tests := []struct {
		min, max *string
		want     string
	}{
		{nil, nil, "[*, *]"},
		{&one, nil, "[1, *]"},
		{nil, &ten, "[*, 10]"},
		{&one, &ten, "[1, 10]"},
	}
	for _, tt := range tests {
		if got := boundsText(tt.min, tt.max); got != tt.want {
			t.Errorf("boundsText = %q, want %q", got, tt.want)
		}
	}
}
