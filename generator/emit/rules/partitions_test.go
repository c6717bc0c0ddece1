package rules

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/templates/endpoints"
)

// TestBuiltInPartitionsMatchRuntime: the table read from the embedded
// source of templates/endpoints is the package's DefaultPartitions (order,
// IDs, region patterns, listed regions, the outputs staleReason uses), and
// both resolve the same partition for listed, pattern-matched and unknown
// regions.
func TestBuiltInPartitionsMatchRuntime(t *testing.T) {
	got, err := builtInPartitions()
	if err != nil {
		t.Fatal(err)
	}
	want := endpoints.DefaultPartitions()
	if len(got) != len(want) {
		t.Fatalf("%d partitions, want %d", len(got), len(want))
	}
	regions := []string{"", "xx-nowhere-1", "us-iso-east-9", "us-isob-west-7", "cn-south-3", "eu-isoe-north-2", "eusc-de-west-4", "us-gov-south-9"}
	for i, w := range want {
		g := got[i]
		if g.id != w.ID || g.regionRegex.String() != w.RegionRegex.String() {
			t.Errorf("partition %d: %s %s, want %s %s", i, g.id, g.regionRegex, w.ID, w.RegionRegex)
		}
		if g.outputs != (partitionConfig{w.Outputs.Name, w.Outputs.SupportsFIPS, w.Outputs.SupportsDualStack}) {
			t.Errorf("partition %s: outputs %+v, want %+v", w.ID, g.outputs, w.Outputs)
		}
		if names := slices.Sorted(maps.Keys(w.Regions)); !slices.Equal(slices.Sorted(slices.Values(g.regions)), names) {
			t.Errorf("partition %s: regions %v, want %v", w.ID, g.regions, names)
		}
		for name, o := range w.Regions {
			if o != (endpoints.RegionOverride{}) {
				t.Errorf("partition %s: region %s has overrides, which parsePartitions does not read", w.ID, name)
			}
		}
		regions = append(regions, g.regions...)
	}
	for _, r := range regions {
		g, w := got.lookup(r), want.Partition(r)
		if w == nil || g == nil || *g != (partitionConfig{w.Name, w.SupportsFIPS, w.SupportsDualStack}) {
			t.Errorf("region %q: lookup = %+v, runtime %+v", r, g, w)
		}
	}
}

func TestParsePartitionsErrors(t *testing.T) {
	const head = "package endpoints\n\nimport \"regexp\"\n\n"
	tests := []struct {
		name, src, want string
	}{
		{"not Go", "packag", "expected 'package'"},
		{"no table", head + "var other = Partitions{}\n", "no composite literal defaultPartitions"},
		{"element not a literal", head + "var defaultPartitions = Partitions{x}\n", "want a composite literal"},
		{"ID not a string", head + "var defaultPartitions = Partitions{{ID: id}}\n", "ID: want a string literal"},
		{"regex not MustCompile", head + "var defaultPartitions = Partitions{{RegionRegex: re}}\n", "RegionRegex: want regexp.MustCompile"},
		{"bad regex", head + "var defaultPartitions = Partitions{{RegionRegex: regexp.MustCompile(`(`)}}\n", "RegionRegex: error parsing regexp"},
		{"regions as a map", head + "var defaultPartitions = Partitions{{Regions: map[string]RegionOverride{}}}\n", "Regions: want a call of regions"},
		{"region not a string", head + "var defaultPartitions = Partitions{{Regions: regions(r)}}\n", "Regions: want a string literal"},
		{"FIPS not a bool", head + "var defaultPartitions = Partitions{{Outputs: PartitionConfig{SupportsFIPS: yes}}}\n", "Outputs: SupportsFIPS: want true or false"},
	}
	for _, tt := range tests {
		_, err := parsePartitions([]byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
