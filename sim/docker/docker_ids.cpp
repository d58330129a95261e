// IdGenerator: random IDs and moby's namesgenerator lists (moby/moby:pkg/namesgenerator/
// names-generator.go; the adjective list checked against a copy of the current file, the
// surnames reproduced from it).
#include "sim/docker/docker_ids.hpp"

#include <iterator>
#include <cctype>

namespace sim::docker {

namespace {

constexpr std::string_view kLeft[] = {
    "admiring",    "adoring",     "affectionate", "agitated",     "amazing",     "angry",       "awesome",
    "beautiful",   "blissful",    "bold",         "boring",       "brave",       "busy",        "charming",
    "clever",      "compassionate", "competent",  "condescending", "confident",  "cool",        "cranky",
    "crazy",       "dazzling",    "determined",   "distracted",   "dreamy",      "eager",       "ecstatic",
    "elastic",     "elated",      "elegant",      "eloquent",     "epic",        "exciting",    "fervent",
    "festive",     "flamboyant",  "focused",      "friendly",     "frosty",      "funny",       "gallant",
    "gifted",      "goofy",       "gracious",     "great",        "happy",       "hardcore",    "heuristic",
    "hopeful",     "hungry",      "infallible",   "inspiring",    "intelligent", "interesting", "jolly",
    "jovial",      "keen",        "kind",         "laughing",     "loving",      "lucid",       "magical",
    "modest",      "musing",      "mystifying",   "naughty",      "nervous",     "nice",        "nifty",
    "nostalgic",   "objective",   "optimistic",   "peaceful",     "pedantic",    "pensive",     "practical",
    "priceless",   "quirky",      "quizzical",    "recursing",    "relaxed",     "reverent",    "romantic",
    "sad",         "serene",      "sharp",        "silly",        "sleepy",      "stoic",       "strange",
    "stupefied",   "suspicious",  "sweet",        "tender",       "thirsty",     "trusting",    "unruffled",
    "upbeat",      "vibrant",     "vigilant",     "vigorous",     "wizardly",    "wonderful",   "xenodochial",
    "youthful",    "zealous",     "zen",
};

constexpr std::string_view kRight[] = {
    "agnesi",      "albattani",   "allen",        "almeida",      "antonelli",   "archimedes",  "ardinghelli",
    "aryabhata",   "austin",      "babbage",      "banach",       "banzai",      "bardeen",     "bartik",
    "bassi",       "beaver",      "bell",         "benz",         "bhabha",      "bhaskara",    "black",
    "blackburn",   "blackwell",   "bohr",         "booth",        "borg",        "bose",        "bouman",
    "boyd",        "brahmagupta", "brattain",     "brown",        "buck",        "burnell",     "cannon",
    "carson",      "cartwright",  "carver",       "cauchy",       "cerf",        "chandrasekhar", "chaplygin",
    "chatelet",    "chatterjee",  "chaum",        "chebyshev",    "clarke",      "cohen",       "colden",
    "cori",        "cray",        "curie",        "curran",       "darwin",      "davinci",     "dewdney",
    "dhawan",      "diffie",      "dijkstra",     "dirac",        "driscoll",    "dubinsky",    "easley",
    "edison",      "einstein",    "elbakyan",     "elgamal",      "elion",       "ellis",       "engelbart",
    "euclid",      "euler",       "faraday",      "feistel",      "fermat",      "fermi",       "feynman",
    "franklin",    "gagarin",     "galileo",      "galois",       "ganguly",     "gates",       "gauss",
    "germain",     "goldberg",    "goldstine",    "goldwasser",   "golick",      "goodall",     "gould",
    "greider",     "grothendieck", "haibt",       "hamilton",     "haslett",     "hawking",     "heisenberg",
    "hellman",     "hermann",     "herschel",     "hertz",        "heyrovsky",   "hodgkin",     "hofstadter",
    "hoover",      "hopper",      "hugle",        "hypatia",      "ishizaka",    "jackson",     "jang",
    "jemison",     "jennings",    "jepsen",       "johnson",      "joliot",      "jones",       "kalam",
    "kapitsa",     "kare",        "keldysh",      "keller",       "kepler",      "khayyam",     "khorana",
    "kilby",       "kirch",       "knuth",        "kowalevski",   "lalande",     "lamarr",      "lamport",
    "leakey",      "leavitt",     "lederberg",    "lehmann",      "lewin",       "lichterman",  "liskov",
    "lovelace",    "lumiere",     "mahavira",     "margulis",     "matsumoto",   "maxwell",     "mayer",
    "mccarthy",    "mcclintock",  "mclaren",      "mclean",       "mcnulty",     "meitner",     "mendel",
    "mendeleev",   "meninsky",    "merkle",       "mestorf",      "mirzakhani",  "montalcini",  "moore",
    "morse",       "moser",       "murdock",      "napier",       "nash",        "neumann",     "newton",
    "nightingale", "nobel",       "noether",      "northcutt",    "noyce",       "panini",      "pare",
    "pascal",      "pasteur",     "payne",        "perlman",      "pike",        "poincare",    "poitras",
    "proskuriakova", "ptolemy",   "raman",        "ramanujan",    "rhodes",      "ride",        "ritchie",
    "robinson",    "roentgen",    "rosalind",     "rubin",        "saha",        "sammet",      "sanderson",
    "satoshi",     "shamir",      "shannon",      "shaw",         "shirley",     "shockley",    "shtern",
    "sinoussi",    "snyder",      "solomon",      "spence",       "stonebraker", "sutherland",  "swanson",
    "swartz",      "swirles",     "taussig",      "tesla",        "tharp",       "thompson",    "torvalds",
    "tu",          "turing",      "varahamihira", "vaughan",      "villani",     "visvesvaraya", "volhard",
    "wescoff",     "wilbur",      "wiles",        "williams",     "williamson",  "wilson",      "wing",
    "wozniak",     "wright",      "wu",           "yalow",        "yonath",      "zhukovsky",
};

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

std::string shortId(const std::string& id) { return id.substr(0, 12); }

bool isFullId(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string IdGenerator::newId() {
    while (true) {
        std::string id;
        id.reserve(64);
        for (int w = 0; w < 4; ++w) {
            std::uint64_t v = m_rng->next();
            for (int i = 0; i < 16; ++i) {
                id.push_back(kHex[v >> 60]);
                v <<= 4;
            }
        }
        // stringid.GenerateRandomID: "if we try to parse the truncated form as an int and we
        // don't have an error then the value is all numeric and causes issues" -> draw again.
        bool allDigits = true;
        for (int i = 0; i < 12; ++i) allDigits &= std::isdigit(static_cast<unsigned char>(id[i])) != 0;
        if (!allDigits) return id;
    }
}

std::string IdGenerator::randomName(int retry) {
    while (true) {
        const auto& l = kLeft[std::size_t(m_rng->uniform(0, std::int64_t(std::size(kLeft)) - 1))];
        const auto& r = kRight[std::size_t(m_rng->uniform(0, std::int64_t(std::size(kRight)) - 1))];
        std::string name = std::string(l) + "_" + std::string(r);
        if (name == "boring_wozniak") continue;  // Steve Wozniak is not boring
        if (retry > 0) name += char('0' + m_rng->uniform(0, 9));
        return name;
    }
}

std::span<const std::string_view> IdGenerator::adjectives() { return kLeft; }
std::span<const std::string_view> IdGenerator::surnames() { return kRight; }

}  // namespace sim::docker
