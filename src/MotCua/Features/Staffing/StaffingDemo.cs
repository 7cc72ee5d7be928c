using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Demo;

namespace MotCua.Features.Staffing;

/// <summary>
/// The district's staffing as the seed reports it, for a demo city, once: in 2023 Nam Từ Liêm used 142 of its 154
/// civil servant posts in the district's offices, 139 of 150 in its wards, and 1,768 of 1,968 public employee posts,
/// and its yearly plans rotated 25 district civil servants, 25 public employees and 16 ward civil servants between
/// 2021 and the first quarter of 2023. Names and ID numbers are made up; the posts end with the district in the 2025 reform.
/// </summary>
/// <para>
/// Today's staffing of two demo units, so that the pages have people now: the Justice Department (in post since
/// 2021–2023 in positions rotated every 3 years, so several are due now, one of them the demo specialist) and the
/// pilot's successor ward Đại Mỗ with its service centre and economy office (in post since the reform of 1 July 2025;
/// the centre's receiving officers, the demo counter officer among them, are due on 1 July 2027).
/// </para>
internal sealed class StaffingDemo(AppDbContext db, DemoFlag demo, UnitTree tree, StaffMemberships accounts, IOptions<DemoOptions> options, TimeProvider clock) : IStartupTask
{
    private static readonly DateOnly Joined = new(2017, 6, 1);
    private static readonly DateOnly Reform = new(2025, 6, 30);
    private const string Basis = "Danh mục vị trí phải định kỳ chuyển đổi (Nghị định 59/2019/NĐ-CP): tiếp xúc, giải quyết công việc của người dân, doanh nghiệp";

    public int Order => 120;

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Staffing || !await demo.IsDemoAsync(ct) || await db.Set<StaffQuota>().AnyAsync(ct))
        {
            return;
        }

        await SeedTodayAsync(ct);
        if (await tree.FindByCodeAsync("000.00.15.H26", ct) is not { } district)
        {
            return;
        }

        var wards = (await tree.AllAsync(ct)).Where(u => u.ParentId == district.Id && u.Kind == "Ward").OrderBy(u => u.Code).ToList();
        if (wards.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        for (var year = 2021; year <= 2025; year++)
        {
            Quota(district.Id, year, StaffCategory.CivilServant, 154);
            Quota(district.Id, year, StaffCategory.PublicEmployee, 1968);
            for (var w = 0; w < wards.Count; w++)
            {
                Quota(wards[w].Id, year, StaffCategory.CivilServant, Share(150, wards.Count, w));
            }
        }

        string[] offices = ["Phòng Tư pháp", "Phòng Tài nguyên và Môi trường", "Phòng Quản lý đô thị", "Phòng Kinh tế", "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND"];
        var districtPosts = offices.Select(o => Post(district.Id, "Chuyên viên " + o, StaffCategory.CivilServant, 3)).ToList();
        var publicPosts = new[] { Post(district.Id, "Viên chức Ban Quản lý dự án đầu tư xây dựng", StaffCategory.PublicEmployee, 3), Post(district.Id, "Viên chức Trung tâm Phát triển quỹ đất", StaffCategory.PublicEmployee, 3) };
        var teachers = Post(district.Id, "Giáo viên trường công lập", StaffCategory.PublicEmployee, null);
        var wardPosts = wards.Select(w => (Justice: Post(w.Id, "Công chức Tư pháp - Hộ tịch", StaffCategory.CivilServant, 3), Land: Post(w.Id, "Công chức Địa chính - Xây dựng", StaffCategory.CivilServant, 3))).ToList();

        var number = 0;
        var districtStaff = Enumerable.Range(0, 142).Select(i => Hold(Person(StaffCategory.CivilServant), districtPosts[i % districtPosts.Count])).ToList();
        var wardStaff = wards.Select((w, i) => Enumerable.Range(0, Share(139, wards.Count, i)).Select(k => Hold(Person(StaffCategory.CivilServant), k % 2 == 0 ? wardPosts[i].Justice : wardPosts[i].Land)).ToList()).ToList();
        var publicStaff = Enumerable.Range(0, 1768).Select(i => Hold(Person(StaffCategory.PublicEmployee), i < 200 ? publicPosts[i % 2] : teachers)).ToList();

        // The yearly plans: 10 + 10 + 5 district civil servants, as many public employees, 6 + 6 + 4 ward civil servants (swapped between wards).
        var taken = 0;
        var wardTaken = 0;
        foreach (var (effective, count, wardPairs) in new[] { (new DateOnly(2021, 7, 1), 10, 3), (new DateOnly(2022, 7, 1), 10, 3), (new DateOnly(2023, 3, 1), 5, 2) })
        {
            var plan = new RotationPlan
            {
                UnitId = district.Id, Year = effective.Year, Decision = $"Kế hoạch chuyển đổi vị trí công tác năm {effective.Year} (minh hoạ)", Status = PlanStatus.Executed,
                CreatedBy = "lanhdao.thanhpho", CreatedAt = now, ExecutedBy = "lanhdao.thanhpho", ExecutedAt = now,
            };
            db.Add(plan);
            for (var i = 0; i < count; i++, taken++)
            {
                Move(plan, districtStaff[taken], districtPosts[(districtPosts.IndexOf(districtStaff[taken].Post) + 1) % districtPosts.Count], effective);
                Move(plan, publicStaff[taken], publicPosts[publicPosts.ToList().IndexOf(publicStaff[taken].Post) == 0 ? 1 : 0], effective);
            }

            for (var p = 0; p < wardPairs; p++, wardTaken++)
            {
                var (from, to) = (wardTaken % wards.Count, (wardTaken + 1) % wards.Count);
                var index = wardTaken / wards.Count * 2;
                Move(plan, wardStaff[from][index], wardPosts[to].Justice, effective);
                Move(plan, wardStaff[to][index + 1], wardPosts[from].Justice, effective);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        StaffPerson Person(StaffCategory category)
        {
            number++;
            var person = new StaffPerson
            {
                FullName = DemoName(number), IdNumber = $"0011{number:00000000}", Category = category, JoinedOn = Joined, CreatedAt = now,
            };
            db.Add(person);
            return person;
        }

        (StaffPerson Person, Position Post, PositionHeld Held) Hold(StaffPerson person, Position post)
        {
            var held = new PositionHeld { PersonId = person.Id, PositionId = post.Id, UnitId = post.UnitId, Category = post.Category, ValidFrom = Joined, ValidTo = Reform };
            db.Add(held);
            return (person, post, held);
        }

        void Move(RotationPlan plan, (StaffPerson Person, Position Post, PositionHeld Held) who, Position to, DateOnly on)
        {
            plan.Moves.Add(new RotationMove { PersonId = who.Person.Id, ToPositionId = to.Id, EffectiveOn = on });
            who.Held.ValidTo = on.AddDays(-1);
            db.Add(new PositionHeld { PersonId = who.Person.Id, PositionId = to.Id, UnitId = to.UnitId, Category = to.Category, ValidFrom = on, ValidTo = Reform, RotationPlanId = plan.Id });
        }

        Position Post(Guid unitId, string name, StaffCategory category, int? years)
        {
            var post = new Position { UnitId = unitId, Name = name, Category = category, RotationYears = years, RotationBasis = years is null ? null : Basis, CreatedAt = now };
            db.Add(post);
            return post;
        }

        void Quota(Guid unitId, int year, StaffCategory category, int quota) =>
            db.Add(new StaffQuota { UnitId = unitId, Year = year, Category = category, Quota = quota, Decision = $"Quyết định giao biên chế năm {year} (minh hoạ)", SetBy = "lanhdao.thanhpho", SetAt = now });
    }

    private async Task SeedTodayAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var number = 900;
        if (await tree.FindByCodeAsync("000.00.31.H26", ct) is { } justice)
        {
            for (var year = 2021; year <= 2027; year++)
            {
                db.Add(new StaffQuota { UnitId = justice.Id, Year = year, Category = StaffCategory.CivilServant, Quota = 40, Decision = $"Quyết định giao biên chế năm {year} (minh hoạ)", SetBy = "admin", SetAt = now });
            }

            var admin = Post(justice.Id, "Chuyên viên Phòng Hành chính tư pháp", 3);
            var support = Post(justice.Id, "Chuyên viên Phòng Bổ trợ tư pháp", 3);
            var office = Post(justice.Id, "Chuyên viên Văn phòng Sở", null);
            await HoldAsync("Đặng Thị Mai", office, new DateOnly(2020, 1, 1), "lanhdao.sotuphap");
            await HoldAsync("Bùi Văn Toàn", admin, new DateOnly(2022, 3, 1), "chuyenvien.sotuphap");
            for (var i = 0; i < 30; i++)
            {
                await HoldAsync(DemoName(++number * 37), (i % 3) switch { 0 => admin, 1 => support, _ => office }, new DateOnly(2021 + (i % 3), 1 + (i % 12), 1), null);
            }
        }

        if (await tree.FindByCodeAsync("000.00.61.H26", ct) is { } ward && await tree.FindByCodeAsync("001.00.61.H26", ct) is { } centre
            && await tree.FindByCodeAsync("002.00.61.H26", ct) is { } economy)
        {
            foreach (var (unit, quota) in new[] { (ward, 12), (centre, 10), (economy, 8) })
            {
                for (var year = 2025; year <= 2027; year++)
                {
                    db.Add(new StaffQuota { UnitId = unit.Id, Year = year, Category = StaffCategory.CivilServant, Quota = quota, Decision = $"Quyết định giao biên chế năm {year} (minh hoạ)", SetBy = "admin", SetAt = now });
                }
            }

            var reform = Reform.AddDays(1);
            var receiving = Post(centre.Id, "Công chức tiếp nhận và trả kết quả", 2);
            var justiceWard = Post(ward.Id, "Công chức Tư pháp - Hộ tịch", 3);
            var chairman = Post(ward.Id, "Chủ tịch Ủy ban nhân dân phường", null);
            var land = Post(economy.Id, "Công chức Địa chính - Xây dựng", 3);
            await HoldAsync("Lê Quang Vinh", chairman, reform, "lanhdao.trungvan");
            await HoldAsync("Trần Văn Hùng", justiceWard, reform, "chuyenvien.trungvan");
            await HoldAsync("Nguyễn Thị Minh Thu", receiving, reform, "canbo.trungvan");
            for (var i = 0; i < 14; i++)
            {
                await HoldAsync(DemoName(++number * 37), (i % 3) switch { 0 => receiving, 1 => justiceWard, _ => land }, reform, null);
            }
        }

        await db.SaveChangesAsync(ct);

        Position Post(Guid unitId, string name, int? years)
        {
            var post = new Position { UnitId = unitId, Name = name, Category = StaffCategory.CivilServant, RotationYears = years, RotationBasis = years is null ? null : Basis, CreatedAt = now };
            db.Add(post);
            return post;
        }

        async Task HoldAsync(string name, Position post, DateOnly from, string? username)
        {
            var person = new StaffPerson
            {
                FullName = name, IdNumber = $"0012{++number:00000000}", Category = StaffCategory.CivilServant, JoinedOn = from,
                AccountId = username is null ? null : await accounts.AccountIdAsync(username, ct), CreatedAt = now,
            };
            db.Add(person);
            db.Add(new PositionHeld { PersonId = person.Id, PositionId = post.Id, UnitId = post.UnitId, Category = post.Category, ValidFrom = from });
        }
    }

    /// <summary>The <paramref name="index"/>th of <paramref name="parts"/> near-equal shares of <paramref name="total"/> (the first ones one larger).</summary>
    private static int Share(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);

    private static string DemoName(int n)
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
        string[] middle = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"];
        string[] given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Trang", "Tuấn"];
        return $"{family[n % family.Length]} {middle[n / family.Length % middle.Length]} {given[n / (family.Length * middle.Length) % given.Length]}";
    }
}
