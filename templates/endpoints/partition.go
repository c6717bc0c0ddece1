package endpoints

import "regexp"

// PartitionConfig is the result of aws.partition: the facts of the partition
// a region belongs to, after that region's overrides.
type PartitionConfig struct {
	Name                 string
	DNSSuffix            string
	DualStackDNSSuffix   string
	SupportsFIPS         bool
	SupportsDualStack    bool
	ImplicitGlobalRegion string
}

// RegionOverride holds the facts a single region changes in its partition's
// PartitionConfig; nil fields keep the partition's value.
type RegionOverride struct {
	Name               *string
	DNSSuffix          *string
	DualStackDNSSuffix *string
	SupportsFIPS       *bool
	SupportsDualStack  *bool
}

// PartitionInfo is one partition: its ID, the pattern of its region names,
// its default outputs and its known regions.
type PartitionInfo struct {
	ID          string
	RegionRegex *regexp.Regexp
	Outputs     PartitionConfig
	Regions     map[string]RegionOverride
}

// Partitions is an ordered partition table.
type Partitions []PartitionInfo

// defaultPartitionID is the partition used for regions no partition claims.
const defaultPartitionID = "aws"

// Partition implements aws.partition: a region listed by a partition wins
// (with its overrides), else the first partition whose region regex matches,
// else the "aws" partition. It returns nil only when the table has no "aws"
// partition.
func (ps Partitions) Partition(region string) *PartitionConfig {
	for _, p := range ps {
		if o, ok := p.Regions[region]; ok {
			c := p.Outputs.override(o)
			return &c
		}
	}
	for _, p := range ps {
		if p.RegionRegex != nil && p.RegionRegex.MatchString(region) {
			c := p.Outputs
			return &c
		}
	}
	for _, p := range ps {
		if p.ID == defaultPartitionID {
			c := p.Outputs
			return &c
		}
	}
	return nil
}

// override returns c with the fields o sets replaced.
func (c PartitionConfig) override(o RegionOverride) PartitionConfig {
	if o.Name != nil {
		c.Name = *o.Name
	}
	if o.DNSSuffix != nil {
		c.DNSSuffix = *o.DNSSuffix
	}
	if o.DualStackDNSSuffix != nil {
		c.DualStackDNSSuffix = *o.DualStackDNSSuffix
	}
	if o.SupportsFIPS != nil {
		c.SupportsFIPS = *o.SupportsFIPS
	}
	if o.SupportsDualStack != nil {
		c.SupportsDualStack = *o.SupportsDualStack
	}
	return c
}

// DefaultPartitions returns the built-in table of the AWS partitions.
func DefaultPartitions() Partitions { return defaultPartitions }
