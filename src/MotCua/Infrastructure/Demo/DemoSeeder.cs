using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;

namespace MotCua.Infrastructure.Demo;

/// <summary>
/// Seeds the demo city into an empty database: Hà Nội with the historical Nam Từ Liêm district and the pilot
/// ward Trung Văn (until 30 June 2025), the two-level structure from 1 July 2025, and the demo accounts.
/// </summary>
/// <remarks>
/// Real: the province code H26 (QĐ 20/2020/QĐ-TTg), the names Hà Nội, Nam Từ Liêm, Trung Văn, Mễ Trì, Mỹ Đình 1,
/// Đại Mỗ, Từ Liêm, Xuân Phương, the dates 1 April 2014 (Nam Từ Liêm created) and 1 July 2025 (district level
/// abolished; communes' units by Resolution 1656/NQ-UBTVQH15 of 16 June 2025). Illustrative: every lower code digit,
/// and which new ward took which part of an old one, with the shares: the resolution divided several wards among
/// new ones; the demo hands Trung Văn wholly to Đại Mỗ and divides Mễ Trì between Từ Liêm (principal, 60 %) and
/// Đại Mỗ (40 %). Each unit's Note says so.
/// </remarks>
public sealed partial class DemoSeeder(AppDbContext db, UserManager<Account> users, CitizenIntake citizens, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IStartupTask
{
    public int Order => 100;

    public Task RunAsync(CancellationToken ct) => SeedIfEmptyAsync(ct);

    private static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly DateOnly LastDayBeforeReform = new(2025, 6, 30);

    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled || await db.Units.AnyAsync(ct))
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var u = SeedUnits();
        db.SystemSettings.Add(new SystemSetting { Key = DemoOptions.SettingKey, Value = "true" });
        await db.SaveChangesAsync(ct);

        await AddAccount("admin", "Quản trị hệ thống", Roles.Administrator, (u["HN"], new DateOnly(2020, 1, 1), null));
        await AddAccount("canbo.trungvan", "Nguyễn Thị Minh Thu", Roles.OneStopOfficer,
            (u["TV.desk"], new DateOnly(2022, 1, 1), LastDayBeforeReform), (u["DM.centre"], Reform, null));
        await AddAccount("chuyenvien.trungvan", "Trần Văn Hùng", Roles.Specialist,
            (u["TV"], new DateOnly(2021, 6, 1), LastDayBeforeReform), (u["DM"], Reform, null));
        await AddAccount("lanhdao.trungvan", "Lê Quang Vinh", Roles.Leader,
            (u["TV"], new DateOnly(2021, 6, 1), LastDayBeforeReform), (u["DM"], Reform, null));
        await AddAccount("canbo.phuongkhac", "Phạm Thị Lan", Roles.OneStopOfficer, (u["TL.centre"], Reform, null));
        await AddAccount("canbo.xuanphuong", "Đỗ Văn Nam", Roles.OneStopOfficer, (u["XP.centre"], Reform, null));
        await AddAccount("chuyenvien.phuongkhac", "Đinh Văn Khoa", Roles.Specialist, (u["TL"], Reform, null));
        await AddAccount("lanhdao.phuongkhac", "Lương Thị Hồng", Roles.Leader, (u["TL"], Reform, null));
        await AddAccount("chuyenvien.xuanphuong", "Tạ Minh Tuấn", Roles.Specialist, (u["XP"], Reform, null));
        await AddAccount("lanhdao.xuanphuong", "Cao Thị Ngọc Ánh", Roles.Leader, (u["XP"], Reform, null));
        await AddAccount("lanhdao.thanhpho", "Hoàng Minh Đức", Roles.Leader, (u["HN"], new DateOnly(2020, 1, 1), null));
        // The agencies of the inter-agency one-stop and the city departments, each with someone to act.
        await AddAccount("canbo.thanhpho", "Vũ Thị Hạnh", Roles.OneStopOfficer, (u["HN.centre"], Reform, null));
        await AddAccount("congan.daimo", "Ngô Đức Mạnh", Roles.Specialist, (u["DM.police"], Reform, null));
        await AddAccount("bhxh.thanhpho", "Trịnh Thu Hà", Roles.Specialist, (u["HN.insurance"], new DateOnly(2020, 1, 1), null));
        await AddAccount("chuyenvien.sotuphap", "Bùi Văn Toàn", Roles.Specialist, (u["HN.justice"], new DateOnly(2020, 1, 1), null));
        await AddAccount("lanhdao.sotuphap", "Đặng Thị Mai", Roles.Leader, (u["HN.justice"], new DateOnly(2020, 1, 1), null));
        // Citizens with portal accounts: what their chip ID card says is in the store, as if read at a counter once.
        await AddCitizen(new IdCard("001090123456", null, "Nguyễn Văn An", new DateOnly(1990, 5, 12), Sex.Male, "Số 12 ngõ 68 phố Trung Văn, phường Đại Mỗ, Hà Nội", new DateOnly(2021, 7, 1), "001", []),
            "0912345678", "an.nguyen@example.vn");
        await AddCitizen(new IdCard("001303012345", null, "Nguyễn Thị Bình", new DateOnly(2003, 9, 2), Sex.Female, "Số 5 phố Mễ Trì Thượng, phường Từ Liêm, Hà Nội", new DateOnly(2022, 3, 15), "001", []),
            "0987654321", null);

        await tx.CommitAsync(ct);
        LogSeeded(logger);

        async Task AddCitizen(IdCard card, string phone, string? email)
        {
            await citizens.FromIdCardAsync(card, null, null, ct);
            await citizens.FromCitizenAsync(new CitizenObservation(card.IdNumber, Phone: phone, Email: email), ct);
            var account = new Account
            {
                UserName = card.IdNumber, FullName = card.FullName, Kind = AccountKind.Citizen, CitizenIdNumber = card.IdNumber, PhoneNumber = phone, PhoneNumberConfirmed = true,
            };
            Check(await users.CreateAsync(account, DemoOptions.Password));
        }

        async Task AddAccount(string username, string fullName, string role, params (Guid Unit, DateOnly From, DateOnly? To)[] memberships)
        {
            var account = new Account { UserName = username, FullName = fullName, Kind = AccountKind.Staff, EmailConfirmed = true };
            Check(await users.CreateAsync(account, DemoOptions.Password));
            Check(await users.AddToRoleAsync(account, role));
            db.Memberships.AddRange(memberships.Select(m => new Membership { AccountId = account.Id, UnitId = m.Unit, ValidFrom = m.From, ValidTo = m.To }));
            await db.SaveChangesAsync(ct);
        }
    }

    private Dictionary<string, Guid> SeedUnits()
    {
        const string real = "Tên thật; mã H26 là mã thật (QĐ 20/2020/QĐ-TTg); các chữ số mã cấp dưới là minh hoạ.";
        const string illustrative = "Dữ liệu minh hoạ: mã và tên cơ quan là ví dụ, chưa đối chiếu QĐ 2918/QĐ-UBND.";
        const string split = "Tên phường thật (NQ 1656/NQ-UBTVQH15); việc phường mới nhận phần nào của phường cũ và tỷ lệ là minh hoạ (năm 2025 nhiều phường được chia cho nhiều phường mới).";
        var ids = new Dictionary<string, Guid>();
        var always = new DateOnly(2008, 8, 1);
        var ntlFrom = new DateOnly(2014, 4, 1);

        Unit Add(string key, string code, string name, UnitKind kind, string? parent, DateOnly from, DateOnly? to, string note, bool office = false, string? function = null)
        {
            var unit = new Unit
            {
                Code = code, Name = name, Kind = kind, ParentId = parent is null ? null : ids[parent],
                ValidFrom = from, ValidTo = to, ReceivesDossiers = office, Note = note, Function = function,
            };
            db.Units.Add(unit);
            ids[key] = unit.Id;
            return unit;
        }

        Add("HN", "000.00.00.H26", "Thành phố Hà Nội", UnitKind.Province, null, always, null, "Tên và mã H26 thật.");
        Add("HN.centre", "000.01.00.H26", "Trung tâm Phục vụ hành chính công thành phố Hà Nội", UnitKind.ServiceCentre, "HN", Reform, null, illustrative, office: true);
        Add("HN.justice", "000.00.31.H26", "Sở Tư pháp thành phố Hà Nội", UnitKind.Department, "HN", always, null, illustrative, function: "justice");
        Add("HN.construction", "000.00.32.H26", "Sở Xây dựng thành phố Hà Nội", UnitKind.Department, "HN", always, null, illustrative, function: "construction");
        Add("HN.environment", "000.00.33.H26", "Sở Nông nghiệp và Môi trường thành phố Hà Nội", UnitKind.Department, "HN", new DateOnly(2025, 3, 1), null, illustrative, function: "environment");
        Add("HN.police", "000.00.34.H26", "Công an thành phố Hà Nội", UnitKind.Police, "HN", always, null, illustrative);
        Add("HN.insurance", "000.00.35.H26", "Bảo hiểm xã hội thành phố Hà Nội", UnitKind.SocialInsurance, "HN", always, null, illustrative);

        // Until 30 June 2025: district Nam Từ Liêm and its wards, the pilot at Trung Văn.
        Add("NTL", "000.00.15.H26", "Quận Nam Từ Liêm", UnitKind.District, "HN", ntlFrom, LastDayBeforeReform, real);
        Add("NTL.desk", "000.01.15.H26", "Bộ phận Một cửa quận Nam Từ Liêm", UnitKind.OneStopDesk, "NTL", ntlFrom, LastDayBeforeReform, illustrative, office: true);
        var tv = Add("TV", "000.20.15.H26", "Phường Trung Văn", UnitKind.Ward, "NTL", ntlFrom, LastDayBeforeReform, real + " Phường thí điểm Một cửa đô thị hiện đại (2022).");
        var tvDesk = Add("TV.desk", "001.20.15.H26", "Bộ phận Một cửa phường Trung Văn", UnitKind.OneStopDesk, "TV", ntlFrom, LastDayBeforeReform, illustrative, office: true);
        var mt = Add("MT", "000.21.15.H26", "Phường Mễ Trì", UnitKind.Ward, "NTL", ntlFrom, LastDayBeforeReform, real);
        var mtDesk = Add("MT.desk", "001.21.15.H26", "Bộ phận Một cửa phường Mễ Trì", UnitKind.OneStopDesk, "MT", ntlFrom, LastDayBeforeReform, illustrative, office: true);
        var md = Add("MD1", "000.22.15.H26", "Phường Mỹ Đình 1", UnitKind.Ward, "NTL", ntlFrom, LastDayBeforeReform, real);
        var mdDesk = Add("MD1.desk", "001.22.15.H26", "Bộ phận Một cửa phường Mỹ Đình 1", UnitKind.OneStopDesk, "MD1", ntlFrom, LastDayBeforeReform, illustrative, office: true);
        var xp = Add("XP.old", "000.23.15.H26", "Phường Xuân Phương", UnitKind.Ward, "NTL", ntlFrom, LastDayBeforeReform, real);
        var xpDesk = Add("XP.old.desk", "001.23.15.H26", "Bộ phận Một cửa phường Xuân Phương", UnitKind.OneStopDesk, "XP.old", ntlFrom, LastDayBeforeReform, illustrative, office: true);

        // From 1 July 2025: wards directly under the city, each with a public administration service centre.
        Add("DM", "000.00.61.H26", "Phường Đại Mỗ", UnitKind.Ward, "HN", Reform, null, split);
        Add("DM.centre", "001.00.61.H26", "Trung tâm Phục vụ hành chính công phường Đại Mỗ", UnitKind.ServiceCentre, "DM", Reform, null, illustrative, office: true);
        Add("DM.economy", "002.00.61.H26", "Phòng Kinh tế, Hạ tầng và Đô thị phường Đại Mỗ", UnitKind.Department, "DM", Reform, null, illustrative, function: "economy");
        Add("DM.police", "003.00.61.H26", "Công an phường Đại Mỗ", UnitKind.Police, "DM", Reform, null, illustrative);
        Add("TL", "000.00.62.H26", "Phường Từ Liêm", UnitKind.Ward, "HN", Reform, null, split);
        Add("TL.centre", "001.00.62.H26", "Trung tâm Phục vụ hành chính công phường Từ Liêm", UnitKind.ServiceCentre, "TL", Reform, null, illustrative, office: true);
        Add("XP", "000.00.63.H26", "Phường Xuân Phương", UnitKind.Ward, "HN", Reform, null, split);
        Add("XP.centre", "001.00.63.H26", "Trung tâm Phục vụ hành chính công phường Xuân Phương", UnitKind.ServiceCentre, "XP", Reform, null, illustrative, office: true);

        tv.SuccessorId = ids["DM"];
        tvDesk.SuccessorId = ids["DM.centre"];
        mt.SuccessorId = ids["TL"];
        db.AddRange(
            new UnitSuccession { PredecessorId = mt.Id, SuccessorId = ids["TL"], SharePercent = 60 },
            new UnitSuccession { PredecessorId = mt.Id, SuccessorId = ids["DM"], SharePercent = 40 },
            new UnitSuccession { PredecessorId = mtDesk.Id, SuccessorId = ids["TL.centre"], SharePercent = 60 },
            new UnitSuccession { PredecessorId = mtDesk.Id, SuccessorId = ids["DM.centre"], SharePercent = 40 });
        mtDesk.SuccessorId = ids["TL.centre"];
        md.SuccessorId = ids["TL"];
        mdDesk.SuccessorId = ids["TL.centre"];
        xp.SuccessorId = ids["XP"];
        xpDesk.SuccessorId = ids["XP.centre"];
        return ids;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded (demo accounts use the password in the README)")]
    private static partial void LogSeeded(ILogger logger);
}
