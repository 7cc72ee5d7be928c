using MotCua.Features.Citizens.Contracts;

namespace MotCua.Infrastructure.Demo;

/// <summary>
/// Generates a city of plausible people: Vietnamese surnames in their real proportions (Nguyễn about 38 %,
/// Trần 11 %, Lê 9.5 %…), middle and given names, birth dates, ID numbers that agree with birth year and sex,
/// phones. Deterministic for a seed. Names are written in NFC with "Đ" (U+0110), never "Ð".
/// </summary>
public static class DemoPeople
{
    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 71), ("Hoàng", 51), ("Huỳnh", 20), ("Phan", 45), ("Vũ", 39), ("Võ", 20),
        ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 5), ("Trịnh", 4), ("Lương", 3),
        ("Mai", 3), ("Đào", 3), ("Tạ", 2), ("Cao", 2), ("Kiều", 1), ("Lưu", 2), ("Chu", 1), ("Tô", 1), ("Hà", 2), ("Quách", 1), ("Lại", 1),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân", "Mạnh", "Tuấn", "Hoàng", "Ngọc", "Trọng", "Anh", "Tiến", "Gia"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng", "Mai", "Thùy", "Bích", "Diệu", "Kim", "Khánh", "Hải", "Lan", "Bảo"];
    private static readonly string[] MaleGiven = ["An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh"];
    private static readonly string[] FemaleGiven = ["Anh", "Ánh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến"];
    private static readonly string[] Wards = ["Đại Mỗ", "Từ Liêm", "Xuân Phương", "Tây Mỗ", "Thanh Xuân", "Cầu Giấy", "Hoàn Kiếm", "Ba Đình", "Đống Đa", "Hai Bà Trưng", "Hoàng Mai", "Long Biên"];
    private static readonly string[] Streets = ["Lê Văn Lương", "Trần Duy Hưng", "Nguyễn Trãi", "Phạm Hùng", "Hồ Tùng Mậu", "Mễ Trì", "Đại Mỗ", "Tố Hữu", "Láng", "Giải Phóng", "Kim Mã", "Xuân Thủy"];

    public static IEnumerable<CitizenObservation> Generate(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var surnameTotal = Surnames.Sum(s => s.Weight);
        var used = new HashSet<string>(count);
        var provinces = CitizenIdNumber.ProvinceCodes.Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < count; i++)
        {
            var female = random.Next(2) == 0;
            var pick = random.Next(surnameTotal);
            var surname = Surnames.First(s => (pick -= s.Weight) < 0).Name;
            var name = $"{surname} {(female ? FemaleMiddle : MaleMiddle)[random.Next(16)]} {(female ? FemaleGiven : MaleGiven)[random.Next(female ? FemaleGiven.Length : MaleGiven.Length)]}";
            var born = new DateOnly(1935, 1, 1).AddDays(random.Next(365 * 88));
            var province = random.Next(10) < 7 ? "001" : provinces[random.Next(provinces.Length)];
            var centurySex = ((born.Year - 1900) / 100 * 2) + (female ? 1 : 0);
            string id;
            do
            {
                id = $"{province}{centurySex}{born.Year % 100:00}{random.Next(1_000_000):000000}";
            }
            while (!used.Add(id));

            var address = $"Số {random.Next(1, 300)} {Streets[random.Next(Streets.Length)]}, phường {Wards[random.Next(Wards.Length)]}, Hà Nội";
            var phone = random.Next(4) == 0 ? null : $"09{random.Next(100_000_000):00000000}";
            yield return new CitizenObservation(id, name, born, female ? Sex.Female : Sex.Male, address, phone);
        }
    }
}
