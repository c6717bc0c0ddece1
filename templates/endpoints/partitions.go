package endpoints

import "regexp"

// defaultPartitions is the AWS partition table, in the order the partitions
// are tried. It is never modified.
var defaultPartitions = Partitions{
	{
		ID:          "aws",
		RegionRegex: regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws",
			DNSSuffix:            "amazonaws.com",
			DualStackDNSSuffix:   "api.aws",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "us-east-1",
		},
		Regions: regions(
			"af-south-1",
			"ap-east-1", "ap-east-2",
			"ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
			"ap-south-1", "ap-south-2",
			"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
			"ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
			"aws-global",
			"ca-central-1", "ca-west-1",
			"eu-central-1", "eu-central-2",
			"eu-north-1",
			"eu-south-1", "eu-south-2",
			"eu-west-1", "eu-west-2", "eu-west-3",
			"il-central-1",
			"me-central-1", "me-south-1", "me-west-1",
			"mx-central-1",
			"sa-east-1", "sa-west-1",
			"us-east-1", "us-east-2",
			"us-west-1", "us-west-2",
		),
	},
	{
		ID:          "aws-cn",
		RegionRegex: regexp.MustCompile(`^cn\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-cn",
			DNSSuffix:            "amazonaws.com.cn",
			DualStackDNSSuffix:   "api.amazonwebservices.com.cn",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "cn-northwest-1",
		},
		Regions: regions("aws-cn-global", "cn-north-1", "cn-northwest-1"),
	},
	{
		ID:          "aws-us-gov",
		RegionRegex: regexp.MustCompile(`^us\-gov\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-us-gov",
			DNSSuffix:            "amazonaws.com",
			DualStackDNSSuffix:   "api.aws",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "us-gov-west-1",
		},
		Regions: regions("aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"),
	},
	{
		ID:          "aws-iso",
		RegionRegex: regexp.MustCompile(`^us\-iso\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-iso",
			DNSSuffix:            "c2s.ic.gov",
			DualStackDNSSuffix:   "api.aws.ic.gov",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "us-iso-east-1",
		},
		Regions: regions("aws-iso-global", "us-iso-east-1", "us-iso-west-1"),
	},
	{
		ID:          "aws-iso-b",
		RegionRegex: regexp.MustCompile(`^us\-isob\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-iso-b",
			DNSSuffix:            "sc2s.sgov.gov",
			DualStackDNSSuffix:   "api.aws.scloud",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "us-isob-east-1",
		},
		Regions: regions("aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"),
	},
	{
		ID:          "aws-iso-e",
		RegionRegex: regexp.MustCompile(`^eu\-isoe\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-iso-e",
			DNSSuffix:            "cloud.adc-e.uk",
			DualStackDNSSuffix:   "api.cloud-aws.adc-e.uk",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "eu-isoe-west-1",
		},
		Regions: regions("aws-iso-e-global", "eu-isoe-west-1"),
	},
	{
		ID:          "aws-iso-f",
		RegionRegex: regexp.MustCompile(`^us\-isof\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-iso-f",
			DNSSuffix:            "csp.hci.ic.gov",
			DualStackDNSSuffix:   "api.aws.hci.ic.gov",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "us-isof-south-1",
		},
		Regions: regions("aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"),
	},
	{
		ID:          "aws-eusc",
		RegionRegex: regexp.MustCompile(`^eusc\-(de)\-\w+\-\d+$`),
		Outputs: PartitionConfig{
			Name:                 "aws-eusc",
			DNSSuffix:            "amazonaws.eu",
			DualStackDNSSuffix:   "api.amazonwebservices.eu",
			SupportsFIPS:         true,
			SupportsDualStack:    true,
			ImplicitGlobalRegion: "eusc-de-east-1",
		},
		Regions: regions("eusc-de-east-1"),
	},
}

// regions returns a region map of names without overrides.
func regions(names ...string) map[string]RegionOverride {
	m := make(map[string]RegionOverride, len(names))
	for _, n := range names {
		m[n] = RegionOverride{}
	}
	return m
}
