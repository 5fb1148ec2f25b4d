// Which recording hosts and addresses downloads may reach: the list's grammar, and the address classes refused.
import { describe, expect, it } from "vitest";
import { defaultMediaOrigin, isPublicAddress, parseMediaHosts } from "@/lib/media/media-hosts";

describe("isPublicAddress", () => {
  it("allows public unicast only, IPv4 and IPv6", () => {
    for (const ip of [
      "93.184.216.34",
      "8.8.8.8",
      "2606:2800:220:1:248:1893:25c8:1946",
      "2a00:1450:4001::1",
    ]) {
      expect(isPublicAddress(ip)).toBe(true);
    }
  });

  it("refuses private, loopback, link-local, unique-local, CGNAT, unspecified, multicast and reserved", () => {
    const refused = [
      ...["10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "127.8.9.10", "169.254.169.254"],
      ...["100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1"],
      ...["::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1"],
    ];
    for (const ip of refused) expect(isPublicAddress(ip), ip).toBe(false);
  });

  it("judges IPv4 hidden in IPv6 by its IPv4, and refuses the embedding forms", () => {
    for (const ip of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    expect(isPublicAddress("::ffff:8.8.8.8")).toBe(true);
    // NAT64, 6to4 and Teredo can carry any IPv4 address: refused outright.
    for (const ip of ["64:ff9b::7f00:1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    expect(isPublicAddress("not-an-ip")).toBe(false);
  });
});

describe("parseMediaHosts", () => {
  it("reads hosts and origins, https unless an http origin is written out, one entry each", () => {
    const { origins, problems } = parseMediaHosts(
      "media.markid.eu, https://S3.EU-CENTRAL-1.amazonaws.com:443 https://files.example:8443 media.markid.eu",
      true,
    );
    expect(problems).toEqual([]);
    expect(origins).toEqual([
      "https://media.markid.eu",
      "https://s3.eu-central-1.amazonaws.com",
      "https://files.example:8443",
    ]);
    expect(parseMediaHosts("http://127.0.0.1:4010 http://[::1]:4011", true).origins).toEqual([
      "http://127.0.0.1:4010",
      "http://[::1]:4011",
    ]);
  });

  it("names each bad entry: http beyond loopback in production, paths, wildcards, credentials", () => {
    const { problems } = parseMediaHosts(
      "http://media.example http://localhost:4010 https://x.example/path *.example https://u:p@y.example ftp://z",
      true,
    );
    expect(problems).toEqual([
      '"http://media.example" uses http://, allowed in production only for a loopback address',
      '"http://localhost:4010" uses http://, allowed in production only for a loopback address',
      '"https://x.example/path" must be a host or origin, without a path',
      '"*.example" has a wildcard: list each host',
      '"https://u:p@y.example" must not carry credentials',
      '"ftp://z" must be https:// (or http:// for loopback)',
    ]);
    expect(parseMediaHosts("http://media.example", false).problems).toEqual([]);
    expect(parseMediaHosts(" , ", false).problems).toEqual(["lists no host"]);
  });

  it("defaults to MarkID's API host over https", () => {
    expect(defaultMediaOrigin("https://ivs.markid.eu")).toBe("https://ivs.markid.eu");
    expect(defaultMediaOrigin("http://127.0.0.1:4010")).toBe("https://127.0.0.1:4010");
  });
});
