using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MotCua.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_account",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CitizenIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_account", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_role",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_role", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_office_hours",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SameDayCutoff = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndOfDay = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ReceivesSaturdayMorning = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_office_hours", x => x.OfficeId);
                });

            migrationBuilder.CreateTable(
                name: "calendar_year",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LoadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_year", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "catalog_procedure",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_procedure", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizens_access_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Username = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizens_citizen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OldIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameFolded = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdIssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenConflicts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_citizen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizens_organisation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameFolded = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepresentativeIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_organisation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents_file",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_file", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "documents_pending_scan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Desk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_pending_scan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossiers_dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ProcedureVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LegalWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    SameDay = table.Column<bool>(type: "boolean", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    documents = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_dossier", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossiers_idempotency",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_idempotency", x => new { x.AccountId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "dossiers_sequence",
                columns: table => new
                {
                    OfficeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_sequence", x => new { x.OfficeCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "infra_data_protection_key",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_infra_data_protection_key", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "infra_setting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_infra_setting", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "intake_guidance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Officer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_guidance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "units_unit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivesDossiers = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units_unit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_units_unit_units_unit_ParentId",
                        column: x => x.ParentId,
                        principalTable: "units_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_units_unit_units_unit_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "units_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "accounts_account_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_account_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_account_claim_accounts_account_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_account_login",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_account_login", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_accounts_account_login_accounts_account_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_account_token",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_account_token", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_accounts_account_token_accounts_account_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_account_role",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_account_role", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_accounts_account_role_accounts_account_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_accounts_account_role_accounts_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "accounts_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_role_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_role_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_role_claim_accounts_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "accounts_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_day",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Replaces = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_day", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_day_calendar_year_Year",
                        column: x => x.Year,
                        principalTable: "calendar_year",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_procedure_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    SameDay = table.Column<bool>(type: "boolean", nullable: false),
                    ResultDocument = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OnlineLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClockPolicy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Receiving = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcceptingOffices = table.Column<List<string>>(type: "text[]", nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    documents = table.Column<string>(type: "jsonb", nullable: true),
                    fees = table.Column<string>(type: "jsonb", nullable: true),
                    form_fields = table.Column<string>(type: "jsonb", nullable: true),
                    steps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_procedure_version", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_procedure_version_catalog_procedure_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "catalog_procedure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "citizens_profile_value",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ObservedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_profile_value", x => x.Id);
                    table.ForeignKey(
                        name: "FK_citizens_profile_value_citizens_citizen_CitizenId",
                        column: x => x.CitizenId,
                        principalTable: "citizens_citizen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citizens_unit_link",
                columns: table => new
                {
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_unit_link", x => new { x.CitizenId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_citizens_unit_link_citizens_citizen_CitizenId",
                        column: x => x.CitizenId,
                        principalTable: "citizens_citizen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citizens_organisation_value",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ObservedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_organisation_value", x => x.Id);
                    table.ForeignKey(
                        name: "FK_citizens_organisation_value_citizens_organisation_Organisat~",
                        column: x => x.OrganisationId,
                        principalTable: "citizens_organisation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "documents_document",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DocumentType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    SourceDossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_document", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_document_documents_file_FileSha256",
                        column: x => x.FileSha256,
                        principalTable: "documents_file",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossiers_event",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FromStep = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ToStep = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossiers_event_dossiers_dossier_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers_dossier",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "accounts_membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_membership", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_membership_accounts_account_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_accounts_membership_units_unit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "accounts_role",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "0193a000-0000-7000-8000-000000000001", "Administrator", "ADMINISTRATOR" },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "0193a000-0000-7000-8000-000000000002", "Leader", "LEADER" },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), "0193a000-0000-7000-8000-000000000003", "OneStopOfficer", "ONESTOPOFFICER" },
                    { new Guid("0193a000-0000-7000-8000-000000000004"), "0193a000-0000-7000-8000-000000000004", "Specialist", "SPECIALIST" }
                });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "accounts_account",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "accounts_account",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_account_claim_UserId",
                table: "accounts_account_claim",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_account_login_UserId",
                table: "accounts_account_login",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_account_role_RoleId",
                table: "accounts_account_role",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_membership_AccountId_ValidFrom",
                table: "accounts_membership",
                columns: new[] { "AccountId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_membership_UnitId",
                table: "accounts_membership",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "accounts_role",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_role_claim_RoleId",
                table: "accounts_role_claim",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_day_Date",
                table: "calendar_day",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_day_Year",
                table: "calendar_day",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_procedure_Code",
                table: "catalog_procedure",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_procedure_version_Code_EffectiveFrom",
                table: "catalog_procedure_version",
                columns: new[] { "Code", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_procedure_version_ProcedureId_EffectiveFrom",
                table: "catalog_procedure_version",
                columns: new[] { "ProcedureId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_access_log_CitizenId_At",
                table: "citizens_access_log",
                columns: new[] { "CitizenId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_citizen_IdNumber",
                table: "citizens_citizen",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_citizen_NameFolded",
                table: "citizens_citizen",
                column: "NameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_citizen_Phone",
                table: "citizens_citizen",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_organisation_NameFolded",
                table: "citizens_organisation",
                column: "NameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_organisation_TaxCode",
                table: "citizens_organisation",
                column: "TaxCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_organisation_value_OrganisationId_Field_ObservedAt",
                table: "citizens_organisation_value",
                columns: new[] { "OrganisationId", "Field", "ObservedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_profile_value_CitizenId_Field_ObservedAt",
                table: "citizens_profile_value",
                columns: new[] { "CitizenId", "Field", "ObservedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_unit_link_UnitId",
                table: "citizens_unit_link",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_CitizenId_DocumentType",
                table: "documents_document",
                columns: new[] { "CitizenId", "DocumentType" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_FileSha256",
                table: "documents_document",
                column: "FileSha256");

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_OrganisationId_DocumentType",
                table: "documents_document",
                columns: new[] { "OrganisationId", "DocumentType" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_pending_scan_Desk_UsedAt",
                table: "documents_pending_scan",
                columns: new[] { "Desk", "UsedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_CitizenId",
                table: "dossiers_dossier",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_Code",
                table: "dossiers_dossier",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_OfficeId_ReceivedAt",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_OfficeId_Status_DueAt",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_event_DossierId_Seq",
                table: "dossiers_event",
                columns: new[] { "DossierId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_intake_guidance_CitizenId_At",
                table: "intake_guidance",
                columns: new[] { "CitizenId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_intake_guidance_Number",
                table: "intake_guidance",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_unit_Code",
                table: "units_unit",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_unit_ParentId",
                table: "units_unit",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_units_unit_SuccessorId",
                table: "units_unit",
                column: "SuccessorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_account_claim");

            migrationBuilder.DropTable(
                name: "accounts_account_login");

            migrationBuilder.DropTable(
                name: "accounts_account_role");

            migrationBuilder.DropTable(
                name: "accounts_account_token");

            migrationBuilder.DropTable(
                name: "accounts_membership");

            migrationBuilder.DropTable(
                name: "accounts_role_claim");

            migrationBuilder.DropTable(
                name: "calendar_day");

            migrationBuilder.DropTable(
                name: "calendar_office_hours");

            migrationBuilder.DropTable(
                name: "catalog_procedure_version");

            migrationBuilder.DropTable(
                name: "citizens_access_log");

            migrationBuilder.DropTable(
                name: "citizens_organisation_value");

            migrationBuilder.DropTable(
                name: "citizens_profile_value");

            migrationBuilder.DropTable(
                name: "citizens_unit_link");

            migrationBuilder.DropTable(
                name: "documents_document");

            migrationBuilder.DropTable(
                name: "documents_pending_scan");

            migrationBuilder.DropTable(
                name: "dossiers_event");

            migrationBuilder.DropTable(
                name: "dossiers_idempotency");

            migrationBuilder.DropTable(
                name: "dossiers_sequence");

            migrationBuilder.DropTable(
                name: "infra_data_protection_key");

            migrationBuilder.DropTable(
                name: "infra_setting");

            migrationBuilder.DropTable(
                name: "intake_guidance");

            migrationBuilder.DropTable(
                name: "accounts_account");

            migrationBuilder.DropTable(
                name: "units_unit");

            migrationBuilder.DropTable(
                name: "accounts_role");

            migrationBuilder.DropTable(
                name: "calendar_year");

            migrationBuilder.DropTable(
                name: "catalog_procedure");

            migrationBuilder.DropTable(
                name: "citizens_organisation");

            migrationBuilder.DropTable(
                name: "citizens_citizen");

            migrationBuilder.DropTable(
                name: "documents_file");

            migrationBuilder.DropTable(
                name: "dossiers_dossier");
        }
    }
}
