using System.Data;
using System.Data.Common;
using System.Globalization;
using Consortium.Grains.Courses;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Silo.Storage;

/// <summary>The course platform lists in the installation's database (<c>deploy/sql/*/Consortium-Courses.sql</c>), the same SQL on
/// SQLite and PostgreSQL; a claim's status after it is claimed is its issuance's, read from the issuing projection by the shared id.</summary>
public sealed class SqlCoursesProjection(ConsortiumDatabase database) : ICoursesProjection
{
    private const string Columns =
        "c.id, c.environment, c.external_id, c.template_id, c.email, c.given_names, c.family_names, c.lms_user_id, c.course_id, c.course_name, " +
        "c.completed_at, c.created_at, c.expires_at, c.claimed_by, c.claimed_at";

    public async Task SaveAsync(string tenant, ClaimView claim, long version)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var upsert = connection.CreateCommand();
        // The newer version wins: a late or repeated write never takes a row back.
        upsert.CommandText = """
            INSERT INTO consortium_claims (tenant, id, version, environment, external_id, template_id, email, given_names, family_names,
                lms_user_id, course_id, course_name, completed_at, created_at, expires_at, claimed_by, claimed_at)
            VALUES (@tenant, @id, @version, @environment, @external_id, @template_id, @email, @given_names, @family_names,
                @lms_user_id, @course_id, @course_name, @completed_at, @created_at, @expires_at, @claimed_by, @claimed_at)
            ON CONFLICT (tenant, id) DO UPDATE SET
                version = excluded.version, email = excluded.email, given_names = excluded.given_names, family_names = excluded.family_names,
                lms_user_id = excluded.lms_user_id, course_id = excluded.course_id, course_name = excluded.course_name,
                completed_at = excluded.completed_at, expires_at = excluded.expires_at, claimed_by = excluded.claimed_by,
                claimed_at = excluded.claimed_at
            WHERE consortium_claims.version < excluded.version
            """;
        upsert.With("tenant", tenant).With("id", claim.Id).With("version", version).With("environment", claim.Environment.Name())
            .With("external_id", claim.ExternalId).With("template_id", claim.TemplateId).With("email", claim.Learner.Email)
            .With("given_names", claim.Learner.GivenNames).With("family_names", claim.Learner.FamilyNames).With("lms_user_id", claim.Learner.LmsUserId)
            .With("course_id", claim.Course.Id).With("course_name", claim.Course.Name)
            .With("completed_at", claim.CompletedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("created_at", claim.CreatedAt.ToUnixTimeMilliseconds()).With("expires_at", claim.ExpiresAt.ToUnixTimeMilliseconds())
            .With("claimed_by", claim.ClaimedBy).With("claimed_at", claim.ClaimedAt?.ToUnixTimeMilliseconds(), DbType.Int64);
        await upsert.ExecuteNonQueryAsync();
    }

    public async Task<ClaimPage> ListAsync(string tenant, OrcidEnvironment environment, int skip, int take)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM consortium_claims WHERE tenant = @tenant AND environment = @environment";
        count.With("tenant", tenant).With("environment", environment.Name());
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        await using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT {Columns}, i.status FROM consortium_claims c
            LEFT JOIN consortium_issuances i ON i.tenant = c.tenant AND i.id = c.id
            WHERE c.tenant = @tenant AND c.environment = @environment
            ORDER BY c.created_at DESC, c.id LIMIT @limit OFFSET @offset
            """;
        select.With("tenant", tenant).With("environment", environment.Name())
            .With("limit", (long)Math.Clamp(take, 1, ClaimPage.MaxTake)).With("offset", (long)Math.Max(0, skip));
        var items = new List<ClaimListItem>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var claim = new ClaimView(reader.GetString(0), reader.GetString(2), reader.GetString(3),
                new Learner(reader.NullableString(4), reader.NullableString(5), reader.NullableString(6), reader.NullableString(7)),
                new Course(reader.GetString(8), reader.NullableString(9)),
                reader.NullableString(10) is { } completed ? DateOnly.ParseExact(completed, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
                reader.NullableString(13), reader.IsDBNull(14) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)))
            {
                Environment = OrcidEnvironmentName.FromName(reader.GetString(1)),
            };
            // A claimed claim whose issuance has no row yet (the submit is on its way) still reads as waiting.
            items.Add(new ClaimListItem(claim, reader.NullableString(15) is { } status && claim.ClaimedBy is not null
                ? Enum.Parse<IssuanceStatus>(status) : null));
        }
        return new ClaimPage(items, total);
    }

    public async Task SaveAsync(string tenant, EnrolmentView enrolment)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO consortium_enrolments (tenant, id, environment, course_id, course_name, created_at, connected_orcid, connected_at)
            VALUES (@tenant, @id, @environment, @course_id, @course_name, @created_at, @connected_orcid, @connected_at)
            ON CONFLICT (tenant, id) DO UPDATE SET
                course_name = excluded.course_name, connected_orcid = excluded.connected_orcid, connected_at = excluded.connected_at
            """;
        upsert.With("tenant", tenant).With("id", enrolment.Id).With("environment", enrolment.Environment.Name())
            .With("course_id", enrolment.Course.Id).With("course_name", enrolment.Course.Name)
            .With("created_at", enrolment.CreatedAt.ToUnixTimeMilliseconds())
            .With("connected_orcid", enrolment.ConnectedOrcid).With("connected_at", enrolment.ConnectedAt?.ToUnixTimeMilliseconds(), DbType.Int64);
        await upsert.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<CourseStats>> StatsAsync(string tenant, OrcidEnvironment environment, DateTimeOffset now)
    {
        var courses = new SortedDictionary<string, CourseStats>(StringComparer.Ordinal);
        CourseStats Of(string id) => courses.TryGetValue(id, out var known) ? known : new CourseStats(id, null, 0, 0, 0, 0, 0);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var enrolled = connection.CreateCommand())
        {
            enrolled.CommandText = """
                SELECT course_id, MAX(course_name), COUNT(*), SUM(CASE WHEN connected_orcid IS NULL THEN 0 ELSE 1 END)
                FROM consortium_enrolments WHERE tenant = @tenant AND environment = @environment GROUP BY course_id
                """;
            enrolled.With("tenant", tenant).With("environment", environment.Name());
            await using var reader = await enrolled.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                courses[reader.GetString(0)] = Of(reader.GetString(0)) with
                {
                    CourseName = reader.NullableString(1), Enrolled = Count(reader, 2), Connected = Count(reader, 3),
                };
            }
        }
        await using (var completed = connection.CreateCommand())
        {
            completed.CommandText = """
                SELECT c.course_id, MAX(c.course_name), COUNT(*),
                       SUM(CASE WHEN c.claimed_by IS NOT NULL AND i.status = 'InOrcid' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN c.claimed_by IS NULL AND c.expires_at > @now THEN 1 ELSE 0 END)
                FROM consortium_claims c LEFT JOIN consortium_issuances i ON i.tenant = c.tenant AND i.id = c.id
                WHERE c.tenant = @tenant AND c.environment = @environment GROUP BY c.course_id
                """;
            completed.With("tenant", tenant).With("environment", environment.Name()).With("now", now.ToUnixTimeMilliseconds());
            await using var reader = await completed.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var course = Of(reader.GetString(0));
                courses[course.CourseId] = course with
                {
                    CourseName = course.CourseName ?? reader.NullableString(1), Completed = Count(reader, 2), Written = Count(reader, 3), ClaimsWaiting = Count(reader, 4),
                };
            }
        }
        return [.. courses.Values];
    }

    private static int Count(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
