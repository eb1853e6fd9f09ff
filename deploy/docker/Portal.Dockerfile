# The portal, for Orleans:Mode=Client (a client of the silos' PostgreSQL cluster), on port 8080 behind a TLS proxy.
# Build from the repository root:  docker build -f deploy/docker/Portal.Dockerfile -t consortium-portal .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer is reused until a project or package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Orcid/Orcid.csproj src/Orcid/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Portal/Portal.csproj src/Portal/
COPY tools/OrcidSimulator/OrcidSimulator.csproj tools/OrcidSimulator/
COPY tools/StripeSimulator/StripeSimulator.csproj tools/StripeSimulator/
RUN dotnet restore src/Portal/Portal.csproj
COPY src/ src/
COPY tools/OrcidSimulator/ tools/OrcidSimulator/
COPY tools/StripeSimulator/ tools/StripeSimulator/
COPY deploy/sql/ deploy/sql/
RUN dotnet publish src/Portal/Portal.csproj --no-restore --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck.sh
# Listen on every address of the container (appsettings.json says localhost); the image's own HTTP_PORTS would only be
# overridden by Urls, with a warning at every start, so it is emptied.
ENV Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    HEALTHCHECK_PORT=8080
EXPOSE 8080
# The images' non-root user (uid 1654); the application's files stay root's, read-only to it.
USER $APP_UID
# healthcheck.sh sends the host of Consortium__PublicBaseUrl, the only one the portal answers outside Development.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "/usr/local/bin/healthcheck.sh"]
ENTRYPOINT ["dotnet", "Consortium.Portal.dll"]
