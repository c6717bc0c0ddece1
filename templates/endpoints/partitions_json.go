package endpoints

import (
	"encoding/json"
	"fmt"
	"regexp"
)

// ParsePartitions decodes a partition table in the JSON format of the AWS
// partitions.json file ({"partitions": [{"id", "regionRegex", "outputs",
// "regions"}]}), keeping the partitions' order. It lets a resolver run
// against another table than the built-in one.
func ParsePartitions(data []byte) (Partitions, error) {
	var doc struct {
		Partitions []struct {
			ID          string `json:"id"`
			RegionRegex string `json:"regionRegex"`
			Outputs     struct {
				Name                 string `json:"name"`
				DNSSuffix            string `json:"dnsSuffix"`
				DualStackDNSSuffix   string `json:"dualStackDnsSuffix"`
				SupportsFIPS         bool   `json:"supportsFIPS"`
				SupportsDualStack    bool   `json:"supportsDualStack"`
				ImplicitGlobalRegion string `json:"implicitGlobalRegion"`
			} `json:"outputs"`
			Regions map[string]struct {
				Name               *string `json:"name"`
				DNSSuffix          *string `json:"dnsSuffix"`
				DualStackDNSSuffix *string `json:"dualStackDnsSuffix"`
				SupportsFIPS       *bool   `json:"supportsFIPS"`
				SupportsDualStack  *bool   `json:"supportsDualStack"`
			} `json:"regions"`
		} `json:"partitions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("partitions: %w", err)
	}
	ps := make(Partitions, 0, len(doc.Partitions))
	for _, p := range doc.Partitions {
		re, err := regexp.Compile(p.RegionRegex)
		if err != nil {
			return nil, fmt.Errorf("partitions: partition %q: regionRegex: %w", p.ID, err)
		}
		info := PartitionInfo{
			ID:          p.ID,
			RegionRegex: re,
			Outputs:     PartitionConfig(p.Outputs),
			Regions:     make(map[string]RegionOverride, len(p.Regions)),
		}
		for name, r := range p.Regions {
			info.Regions[name] = RegionOverride(r)
		}
		ps = append(ps, info)
	}
	return ps, nil
}
