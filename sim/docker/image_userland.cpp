// The base systems of the built-in images (image_userland.hpp).
#include "sim/docker/image_userland.hpp"

namespace sim::docker::userland {

std::set<std::string> debianTools() {
    // The packages every debian:* and ubuntu:* image has (Priority: required, Essential: yes),
    // by the executables they install in PATH. What is NOT here is the point: no procps (ps,
    // top, free, kill), no iproute2 (ip, ss), no iputils (ping), no net-tools, no curl/wget,
    // no less/vi/nano, no ssh — `apt-get install` brings them.
    return {
        // bash, dash
        "bash", "sh", "dash",
        // coreutils
        "[", "arch", "b2sum", "base32", "base64", "basename", "cat", "chgrp", "chmod", "chown", "chroot", "cksum",
        "comm", "cp", "csplit", "cut", "date", "dd", "df", "dir", "dircolors", "dirname", "du", "echo", "env", "expand",
        "expr", "factor", "false", "fmt", "fold", "groups", "head", "hostid", "id", "install", "join", "link", "ln",
        "logname", "ls", "md5sum", "mkdir", "mkfifo", "mknod", "mktemp", "mv", "nice", "nl", "nohup", "nproc", "numfmt",
        "od", "paste", "pathchk", "pinky", "pr", "printenv", "printf", "ptx", "pwd", "readlink", "realpath", "rm",
        "rmdir", "runcon", "seq", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "shred", "shuf",
        "sleep", "sort", "split", "stat", "stdbuf", "stty", "sum", "sync", "tac", "tail", "tee", "test", "timeout",
        "touch", "tr", "true", "truncate", "tsort", "tty", "uname", "unexpand", "uniq", "unlink", "users", "vdir", "wc",
        "who", "whoami", "yes",
        // grep, sed, findutils, diffutils, gzip, tar
        "grep", "egrep", "fgrep", "sed", "find", "xargs", "diff", "cmp", "sdiff", "diff3", "gzip", "gunzip", "zcat",
        "tar",
        // hostname, debianutils, libc-bin (getent), ncurses-bin, login, passwd
        "hostname", "which", "run-parts", "tempfile", "savelog", "getent", "ldd", "iconv", "locale", "clear", "tput",
        "reset", "login", "su", "passwd", "useradd", "userdel", "usermod", "groupadd", "chsh",
        // util-linux, mount
        "mount", "umount", "findmnt", "lsblk", "more", "mountpoint", "setsid", "getopt", "flock", "ionice", "nsenter",
        "unshare", "renice", "script", "whereis", "logger", "mcookie", "namei", "rev",
        // perl-base, dpkg, apt
        "perl", "dpkg", "dpkg-query", "dpkg-deb", "dpkg-divert", "dpkg-split", "dpkg-trigger", "update-alternatives",
        "apt", "apt-get", "apt-cache", "apt-config", "apt-mark", "apt-cdrom",
    };
}

std::set<std::string> busyboxTools(bool alpine) {
    // The applets both builds have (busybox --list). Network applets included: that is why
    // `docker exec alpine1 ping` and `ip addr` work where ubuntu has neither.
    std::set<std::string> t = {
        "[", "[[", "ash", "sh", "awk", "base64", "basename", "bc", "cat", "chgrp", "chmod", "chown", "chroot", "cksum",
        "clear", "cmp", "comm", "cp", "cut", "date", "dc", "dd", "df", "diff", "dirname", "dmesg", "dos2unix", "du",
        "echo", "egrep", "env", "expand", "expr", "factor", "false", "fgrep", "find", "fold", "free", "fuser", "getopt",
        "grep", "gunzip", "gzip", "head", "hexdump", "hostid", "hostname", "id", "install", "ipcalc", "kill", "killall",
        "less", "link", "ln", "logger", "login", "ls", "lsof", "lsusb", "md5sum", "mkdir", "mkfifo", "mknod", "mktemp",
        "more", "mount", "mv", "nice", "nl", "nohup", "nproc", "od", "passwd", "paste", "pgrep", "pidof", "pkill",
        "pmap", "printenv", "printf", "ps", "pstree", "pwd", "pwdx", "readlink", "realpath", "renice", "reset", "rev",
        "rm", "rmdir", "sed", "seq", "setsid", "sha1sum", "sha256sum", "sha512sum", "shuf", "sleep", "sort", "split",
        "stat", "strings", "stty", "su", "sum", "sync", "sysctl", "tac", "tail", "tar", "tee", "test", "time", "timeout", "top",
        "touch", "tr", "tree", "true", "truncate", "tty", "umount", "uname", "unexpand", "uniq", "unix2dos", "unlink",
        "unzip", "uptime", "usleep", "uudecode", "uuencode", "vi", "watch", "wc", "which", "whoami", "xargs", "xxd",
        "yes", "zcat",
        // networking
        "arp", "arping", "ifconfig", "ifdown", "ifup", "ip", "ipaddr", "iplink", "ipneigh", "iproute",
        "iprule", "iptunnel", "nameif", "nc", "netstat", "nslookup", "ping", "ping6", "route", "traceroute",
        "traceroute6", "udhcpc", "wget", "whois",
    };
    if (alpine) {
        // Alpine moved the servers and telnet to busybox-extras; apk-tools, musl-utils (getent,
        // ldd), scanelf and ssl_client come with the base.
        t.insert({"apk", "getent", "ldd", "ldconfig", "scanelf", "ssl_client"});
    } else {
        t.insert({"httpd", "telnet", "telnetd", "ftpget", "ftpput", "tftp", "udhcpd", "ntpd", "nmeter", "ether-wake"});
    }
    return t;
}

std::set<std::string> oracleSlimTools() {
    // oraclelinux:9-slim: coreutils-single, bash (also /bin/sh), grep, sed, findutils, gzip, tar,
    // glibc-common (getent), microdnf and rpm; no hostname, no procps, no network tools.
    return {"sh", "bash", "[", "basename", "cat", "chmod", "chown", "cp", "cut", "date", "dd", "df", "dirname", "du",
            "echo", "env", "expr", "false", "head", "id", "ln", "ls", "mkdir", "mktemp", "mv", "nproc", "printf", "pwd",
            "readlink", "rm", "rmdir", "seq", "sleep", "sort", "stat", "tail", "tee", "test", "touch", "tr", "true",
            "uname", "uniq", "wc", "whoami", "grep", "sed", "find", "xargs", "gzip", "tar", "getent", "microdnf", "rpm"};
}

std::map<std::string, std::string> releaseFiles(std::string_view distro) {
    if (distro == "bookworm")  // debian:bookworm 12.7 (base-files 12.4+deb12u7)
        return {{"/etc/os-release",
                 "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                 "NAME=\"Debian GNU/Linux\"\n"
                 "VERSION_ID=\"12\"\n"
                 "VERSION=\"12 (bookworm)\"\n"
                 "VERSION_CODENAME=bookworm\n"
                 "ID=debian\n"
                 "HOME_URL=\"https://www.debian.org/\"\n"
                 "SUPPORT_URL=\"https://www.debian.org/support\"\n"
                 "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"},
                {"/etc/debian_version", "12.7\n"}};
    if (distro == "jessie")  // mysql:5.7.8's debian:jessie of August 2015 (8.1)
        return {{"/etc/os-release",
                 "PRETTY_NAME=\"Debian GNU/Linux 8 (jessie)\"\n"
                 "NAME=\"Debian GNU/Linux\"\n"
                 "VERSION_ID=\"8\"\n"
                 "VERSION=\"8 (jessie)\"\n"
                 "ID=debian\n"
                 "HOME_URL=\"http://www.debian.org/\"\n"
                 "SUPPORT_URL=\"http://www.debian.org/support/\"\n"
                 "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"},
                {"/etc/debian_version", "8.1\n"}};
    if (distro == "noble" || distro == "jammy") {
        const bool noble = distro == "noble";
        const std::string point = noble ? "24.04.1" : "22.04.5";
        const std::string id = noble ? "24.04" : "22.04";
        const std::string code = std::string(distro);
        const std::string name = noble ? "Noble Numbat" : "Jammy Jellyfish";
        std::string osRelease = "PRETTY_NAME=\"Ubuntu " + point + " LTS\"\n" + "NAME=\"Ubuntu\"\n" + "VERSION_ID=\"" + id +
                                "\"\n" + "VERSION=\"" + point + " LTS (" + name + ")\"\n" + "VERSION_CODENAME=" + code +
                                "\n" + "ID=ubuntu\n" + "ID_LIKE=debian\n" + "HOME_URL=\"https://www.ubuntu.com/\"\n" +
                                "SUPPORT_URL=\"https://help.ubuntu.com/\"\n" +
                                "BUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n" +
                                "PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\n" +
                                "UBUNTU_CODENAME=" + code + "\n" + (noble ? "LOGO=ubuntu-logo\n" : "");
        return {{"/etc/os-release", osRelease},
                {"/etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=" + id + "\nDISTRIB_CODENAME=" + code +
                                         "\nDISTRIB_DESCRIPTION=\"Ubuntu " + point + " LTS\"\n"},
                {"/etc/debian_version", noble ? "trixie/sid\n" : "bookworm/sid\n"}};
    }
    if (distro == "alpine3.20")
        return {{"/etc/os-release",
                 "NAME=\"Alpine Linux\"\n"
                 "ID=alpine\n"
                 "VERSION_ID=3.20.3\n"
                 "PRETTY_NAME=\"Alpine Linux v3.20\"\n"
                 "HOME_URL=\"https://alpinelinux.org/\"\n"
                 "BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"},
                {"/etc/alpine-release", "3.20.3\n"}};
    if (distro == "el9")  // oraclelinux:9-slim of October 2024 (9.4)
        return {{"/etc/os-release",
                 "NAME=\"Oracle Linux Server\"\n"
                 "VERSION=\"9.4\"\n"
                 "ID=\"ol\"\n"
                 "ID_LIKE=\"fedora\"\n"
                 "VARIANT=\"Server\"\n"
                 "VARIANT_ID=\"server\"\n"
                 "VERSION_ID=\"9.4\"\n"
                 "PLATFORM_ID=\"platform:el9\"\n"
                 "PRETTY_NAME=\"Oracle Linux Server 9.4\"\n"
                 "ANSI_COLOR=\"0;31\"\n"
                 "CPE_NAME=\"cpe:/o:oracle:linux:9:4:server\"\n"
                 "HOME_URL=\"https://linux.oracle.com/\"\n"
                 "BUG_REPORT_URL=\"https://github.com/oracle/oracle-linux\"\n"
                 "\n"
                 "ORACLE_BUGZILLA_PRODUCT=\"Oracle Linux 9\"\n"
                 "ORACLE_BUGZILLA_PRODUCT_VERSION=9.4\n"
                 "ORACLE_SUPPORT_PRODUCT=\"Oracle Linux\"\n"
                 "ORACLE_SUPPORT_PRODUCT_VERSION=9.4\n"},
                {"/etc/oracle-release", "Oracle Linux Server release 9.4\n"},
                {"/etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n"}};
    return {};
}

}  // namespace sim::docker::userland
