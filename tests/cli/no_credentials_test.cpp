// SPDX-License-Identifier: Apache-2.0
// No output of any command may contain credential material from the inputs (DESIGN §10).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analyzer/input/base64.hpp"
#include "test_support.hpp"

using namespace rbacq;

namespace {

/// Values of `key: value` lines in a file (the fixtures write credentials on one line).
std::vector<std::string> values_of(const std::string& path, std::string_view key) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find(std::string(key) + ": ");
    if (at != std::string::npos) out.push_back(line.substr(at + key.size() + 2));
  }
  return out;
}

/// The secrets, and long pieces of their decoded forms: a leak of part of a key is a leak.
std::vector<std::string> secrets() {
  const std::string conf = test::source_path("fixtures/clusters/kubeadm/admin.conf");
  const std::string secret = test::source_path("fixtures/clusters/kubeadm/token-admin-secret.yaml");
  std::vector<std::string> raw;
  for (const char* key : {"client-certificate-data", "client-key-data"}) {
    for (auto& v : values_of(conf, key)) raw.push_back(v);
  }
  for (auto& v : values_of(secret, "token")) raw.push_back(v);
  REQUIRE(raw.size() == 3);
  std::vector<std::string> out;
  for (const std::string& r : raw) {
    out.push_back(r.substr(0, 40));
    const auto decoded = analyzer::decode_base64(r);
    REQUIRE(decoded);
    // PEM bodies and JWT segments: take a 40-character slice of the middle of each line.
    std::istringstream lines(*decoded);
    for (std::string line; std::getline(lines, line, '\n');) {
      if (line.size() >= 60 && line.find("-----") == std::string::npos) out.push_back(line.substr(10, 40));
    }
    if (decoded->starts_with("eyJ")) out.push_back(decoded->substr(decoded->find('.') + 1, 40));
  }
  return out;
}

}  // namespace

TEST_CASE("no command prints a credential: inventory, can-i and who-can in every format, on credential fixtures") {
  const auto needles = secrets();
  REQUIRE(needles.size() >= 6);
  const std::string kubeadm = test::source_path("fixtures/clusters/kubeadm");
  const std::vector<std::vector<std::string>> commands = {
      {"inventory", kubeadm},
      {"inventory", "-o", "json", kubeadm},
      {"inventory", "--strict", test::source_path("fixtures/clusters/kubeadm/admin.conf")},
      {"inventory", test::source_path("tests/fuzz/corpus/load")},
      {"can-i", "get", "secrets", "-n", "kube-system", "--as", "kubernetes-admin", "--as-group", "system:masters", "--explain", "-f", kubeadm},
      {"-o", "json", "can-i", "get", "secrets", "-n", "kube-system", "--as", "system:serviceaccount:kube-system:admin", "-f", kubeadm},
      {"can-i", "--list", "-n", "kube-system", "--as", "system:serviceaccount:kube-system:admin", "-f", kubeadm},
      {"who-can", "get", "secrets", "-n", "kube-system", "-f", kubeadm, "--with-defaults"},
      {"-o", "json", "who-can", "create", "pods", "-A", "-f", kubeadm},
      {"who-can", "get", "secrets", "-f", test::source_path("tests/fuzz/corpus/load")},
  };
  for (const auto& args : commands) {
    const auto r = test::run_rbacq(args);
    for (const std::string& needle : needles) {
      INFO("command: ", args.front(), " ", args.back(), " needle: ", needle.substr(0, 6), "...");
      CHECK(r.out.find(needle) == std::string::npos);
      CHECK(r.err.find(needle) == std::string::npos);
    }
  }
}
