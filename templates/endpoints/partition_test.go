package endpoints

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"testing"
)

func strPtr(s string) *string { return &s }
func boolPtr(b bool) *bool    { return &b }

func TestPartition(t *testing.T) {
	table := Partitions{
		{
			ID:          "aws",
			RegionRegex: regexp.MustCompile(`^us\-\w+\-\d+$`),
			Outputs:     PartitionConfig{Name: "aws", DNSSuffix: "amazonaws.com", SupportsFIPS: true},
			Regions:     map[string]RegionOverride{"us-east-1": {}, "cn-special-1": {DNSSuffix: strPtr("special.example"), SupportsFIPS: boolPtr(false)}},
		},
		{
			ID:          "aws-cn",
			RegionRegex: regexp.MustCompile(`^cn\-\w+\-\d+$`),
			Outputs:     PartitionConfig{Name: "aws-cn", DNSSuffix: "amazonaws.com.cn"},
			Regions:     map[string]RegionOverride{"aws-cn-global": {}},
		},
	}
	tests := []struct {
		region string
		want   PartitionConfig
	}{
		{"us-east-1", PartitionConfig{Name: "aws", DNSSuffix: "amazonaws.com", SupportsFIPS: true}},
		{"us-west-9", PartitionConfig{Name: "aws", DNSSuffix: "amazonaws.com", SupportsFIPS: true}},
		{"cn-north-1", PartitionConfig{Name: "aws-cn", DNSSuffix: "amazonaws.com.cn"}},
		{"aws-cn-global", PartitionConfig{Name: "aws-cn", DNSSuffix: "amazonaws.com.cn"}},
		// An exact region key wins over another partition's regex, with its overrides.
		{"cn-special-1", PartitionConfig{Name: "aws", DNSSuffix: "special.example"}},
		{"mars-global", PartitionConfig{Name: "aws", DNSSuffix: "amazonaws.com", SupportsFIPS: true}},
	}
	for _, tt := range tests {
		got := table.Partition(tt.region)
		if got == nil || *got != tt.want {
			t.Errorf("Partition(%q) = %+v, want %+v", tt.region, got, tt.want)
		}
	}
	if got := table[1:].Partition("mars-global"); got != nil {
		t.Errorf("Partition without an aws partition = %+v, want nil", got)
	}
}

func TestDefaultPartitions(t *testing.T) {
	tests := []struct{ region, name, dualStack string }{
		{"us-east-1", "aws", "api.aws"},
		{"mx-central-1", "aws", "api.aws"},
		{"us-gov-west-1", "aws-us-gov", "api.aws"},
		{"cn-north-1", "aws-cn", "api.amazonwebservices.com.cn"},
		{"us-iso-east-1", "aws-iso", "api.aws.ic.gov"},
		{"us-isob-east-1", "aws-iso-b", "api.aws.scloud"},
		{"eu-isoe-west-1", "aws-iso-e", "api.cloud-aws.adc-e.uk"},
		{"us-isof-south-1", "aws-iso-f", "api.aws.hci.ic.gov"},
		{"eusc-de-east-1", "aws-eusc", "api.amazonwebservices.eu"},
		{"eusc-de-west-7", "aws-eusc", "api.amazonwebservices.eu"},
		{"moon-1", "aws", "api.aws"},
	}
	for _, tt := range tests {
		got := DefaultPartitions().Partition(tt.region)
		if got == nil || got.Name != tt.name || got.DualStackDNSSuffix != tt.dualStack {
			t.Errorf("Partition(%q) = %+v, want name %s, dual-stack suffix %s", tt.region, got, tt.name, tt.dualStack)
		}
	}
}

// TestDefaultPartitionsMatchReference compares the built-in table with the
// reference partitions.json, partition by partition (order aside).
func TestDefaultPartitionsMatchReference(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "partitions", "partitions.json"))
	if err != nil {
		t.Skip("../shared/partitions/partitions.json not available")
	}
	ref, err := ParsePartitions(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(ref) != len(defaultPartitions) {
		t.Errorf("reference has %d partitions, built-in table %d", len(ref), len(defaultPartitions))
	}
	byID := map[string]PartitionInfo{}
	for _, p := range defaultPartitions {
		byID[p.ID] = p
	}
	for _, want := range ref {
		got, ok := byID[want.ID]
		if !ok {
			t.Errorf("partition %s missing from the built-in table", want.ID)
			continue
		}
		if got.RegionRegex.String() != want.RegionRegex.String() {
			t.Errorf("%s: regionRegex %q, want %q", want.ID, got.RegionRegex, want.RegionRegex)
		}
		if got.Outputs != want.Outputs {
			t.Errorf("%s: outputs %+v, want %+v", want.ID, got.Outputs, want.Outputs)
		}
		if g, w := regionNames(got.Regions), regionNames(want.Regions); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: regions %v, want %v", want.ID, g, w)
		}
		for name, o := range want.Regions {
			if !reflect.DeepEqual(got.Regions[name], o) {
				t.Errorf("%s: region %s overrides %+v, want %+v", want.ID, name, got.Regions[name], o)
			}
		}
	}
}

func regionNames(m map[string]RegionOverride) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func TestParsePartitionsErrors(t *testing.T) {
	for _, in := range []string{`{`, `{"partitions":[{"id":"x","regionRegex":"("}]}`} {
		if _, err := ParsePartitions([]byte(in)); err == nil {
			t.Errorf("ParsePartitions(%s): want an error", in)
		}
	}
	ps, err := ParsePartitions([]byte(`{"partitions":[{"id":"aws","regionRegex":"^x$","outputs":{"name":"aws"},"regions":{"r":{"dnsSuffix":"d"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := ps.Partition("r"); got == nil || got.DNSSuffix != "d" || got.Name != "aws" {
		t.Errorf("override not applied: %+v", got)
	}
}
