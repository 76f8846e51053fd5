{{/*
Chart name, or nameOverride.
*/}}
{{- define "tracker.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Prefix of every resource name: fullnameOverride, or "<release>-<chart>" (just the release when it contains the chart
name). Kept at 40 characters so that "<fullname>-notification-service" fits a 63-character DNS label.
*/}}
{{- define "tracker.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version for the helm.sh/chart label.
*/}}
{{- define "tracker.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every resource.
*/}}
{{- define "tracker.labels" -}}
helm.sh/chart: {{ include "tracker.chart" . }}
{{ include "tracker.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tracker
{{- end }}

{{/*
Labels that select the release's pods.
*/}}
{{- define "tracker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tracker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of one service's resources. Call with (dict "root" $ "name" "<service>").
*/}}
{{- define "tracker.componentName" -}}
{{- printf "%s-%s" (include "tracker.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of one service's resources. Call with (dict "root" $ "name" "<service>").
*/}}
{{- define "tracker.componentLabels" -}}
{{ include "tracker.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/*
Labels that select one service's pods. Call with (dict "root" $ "name" "<service>").
*/}}
{{- define "tracker.componentSelectorLabels" -}}
{{ include "tracker.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/*
Image of one service. Call with (dict "root" $ "name" "<service>").
*/}}
{{- define "tracker.image" -}}
{{- $image := .root.Values.image }}
{{- printf "%s/%s:%s" (trimSuffix "/" $image.registry) .name (default .root.Chart.AppVersion $image.tag) }}
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "tracker.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tracker.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Secret holding the database password: existingSecret or the chart's own.
*/}}
{{- define "tracker.postgresqlSecretName" -}}
{{- default (include "tracker.fullname" .) .Values.postgresql.existingSecret }}
{{- end }}

{{/*
Secret holding the S3 keys: existingSecret or the chart's own.
*/}}
{{- define "tracker.s3SecretName" -}}
{{- default (include "tracker.fullname" .) .Values.s3.existingSecret }}
{{- end }}

{{/*
Secret holding the client secret of the issue-service's Keycloak service account: existingSecret or the chart's own.
*/}}
{{- define "tracker.keycloakAdminSecretName" -}}
{{- default (include "tracker.fullname" .) .Values.keycloak.adminClient.existingSecret }}
{{- end }}

{{/*
Environment variable that tells the gateway where a service is, e.g. ISSUE_SERVICE_URL.
*/}}
{{- define "tracker.serviceUrlVariable" -}}
{{- printf "%s_URL" (. | upper | replace "-" "_") }}
{{- end }}
