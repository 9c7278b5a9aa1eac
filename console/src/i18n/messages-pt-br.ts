// Textos em português do Brasil; o tipo Messages garante que nenhum texto do inglês falte aqui.
import type { Messages } from './messages-en';

export const ptBR: Messages = {
  appTitle: 'Chaves de API',
  skipToContent: 'Pular para o conteúdo',
  language: 'Idioma',
  signOut: 'Sair',
  accountLabel: 'Conta',
  keyLabel: 'Chave',
  sectionsLabel: 'Seções do console',
  loading: 'Carregando…',
  close: 'Fechar',
  cancel: 'Cancelar',
  required: 'Preencha este campo.',

  signInTitle: 'Entrar',
  signInIntro:
    'Cole uma chave de API e o token dela. Eles ficam guardados só nesta aba do navegador e são apagados ao sair ou fechar a aba.',
  appKeyLabel: 'Chave de API',
  appKeyHint: 'Parece com apk-sualoja-01J… (a chave, não o token).',
  tokenLabel: 'Token de API',
  tokenHint: 'Começa com apt_.',
  signInButton: 'Entrar',
  signingIn: 'Entrando…',
  appKeyFormat: 'Isto não é uma chave de API: ela tem a forma apk-conta- seguida de 26 letras e números.',
  tokenFormat: 'Isto não é um token de API: ele começa com apt_ e tem 53 caracteres.',
  signInInvalid: 'A chave ou o token está errado. Confira se você colou os dois por inteiro.',
  signInInactive: 'Esta chave está inativa. Peça a um operador para ativá-la ou entre com outra chave.',
  signInExpired: 'O token desta chave expirou. Entre com um token renovado.',
  signInNoView:
    'Esta chave não pode ver chaves: ela precisa de um perfil com a permissão keys:view, como Visualizador de chaves.',
  sessionEndedInactive:
    'Sua sessão foi encerrada: esta chave foi desativada em outro lugar. Peça a um operador para ativá-la ou entre com outra chave.',
  sessionEndedExpired: 'Sua sessão foi encerrada: o token desta chave expirou. Entre com um token renovado.',
  sessionEndedInvalid:
    'Sua sessão foi encerrada: esta chave foi excluída ou o token dela não é mais válido (renovado ou cortado). Entre com uma chave e um token válidos.',

  keysTab: 'Chaves geradas',
  settingsTab: 'Configurações',
  activityTab: 'Atividade',
  searchLabel: 'Buscar por nome ou chave',
  statusFilter: 'Status',
  statusAll: 'Todos os status',
  alertFilter: 'Alerta',
  alertAll: 'Todos os alertas',
  alertNoneOption: 'Sem alerta',
  alertAttention: 'Precisa de atenção',
  alertAttentionHint:
    'Expirado (crítico), expirado, expirando e depois chaves cujo token antigo aguarda exclusão, as mais urgentes primeiro.',
  active: 'Ativa',
  inactive: 'Inativa',
  generateKey: '+ Gerar chave',
  colKeyName: 'Chave / Nome',
  colTokenDuration: 'Duração do token',
  colRoles: 'Perfis de acesso',
  colCreated: 'Criada em',
  colLastUsed: 'Último uso',
  neverUsed: 'Nunca',
  colStatus: 'Status',
  colActions: 'Ações',
  noKeys: 'Nenhuma chave corresponde a estes filtros.',
  loadMore: 'Carregar mais',
  keysShown: (n: number, shown: string) =>
    n === 1
      ? 'Mostrando 1 chave; há mais para carregar.'
      : `Mostrando ${shown} chaves; há mais para carregar.`,
  keysTotal: (n: number, shown: string) =>
    n === 1 ? 'Mostrando a única chave (1 no total).' : `Mostrando todas as ${shown} chaves.`,
  export: {
    label: 'Exportar',
    csv: 'Exportar CSV',
    xlsx: 'Exportar XLSX',
    working: 'Exportando…',
    hint: 'Baixa todas as chaves que atendem aos filtros acima, não só as linhas mostradas.',
    attention:
      '“Precisa de atenção” é uma ordem feita pelo console e não pode ser exportada. Escolha um alerta, ou Todos os alertas, para exportar.',
    done: (file: string) => `${file} baixado.`,
  },
  keysLoadFailed: 'Não foi possível carregar as chaves.',
  tokenExpires: (relative: string) => `Expira ${relative}`,
  tokenExpired: (relative: string) => `Expirou ${relative}`,
  copyKeyId: (appKey: string) => `Copiar a chave ${appKey}`,
  keyIdCopied: 'Chave copiada.',
  keyIdCopyFailed: 'Não foi possível copiar. Selecione a chave e copie-a manualmente.',
  pendingDeletion: 'Exclusão pendente',
  newToken: 'Token novo',
  noRoles: 'Nenhum perfil',
  yourKey: 'Sua chave',
  actionsFor: (name: string) => `Ações para ${name}`,
  alerts: {
    expiring: {
      label: 'Expirando',
      advice: 'O token expira em breve. Renove-o e atualize as aplicações que o usam.',
    },
    expired: {
      label: 'Expirado',
      advice:
        'O token expirou. Renove-o agora: enquanto a expiração é aplicada, as aplicações que o usam são recusadas.',
    },
    'expired-critical': {
      label: 'Expirado (crítico)',
      advice: 'O token expirou há mais de 90 dias. Renove-o ou exclua a chave se nada mais a usa.',
    },
  },

  menuEdit: 'Editar',
  menuDeactivate: 'Desativar',
  menuActivate: 'Ativar',
  menuRenew: 'Renovar token',
  menuRenewLeaked: 'Renovar token vazado',
  leaked: {
    label: 'Vazado',
    advice: (where: string, when: string) =>
      `Um token desta chave foi encontrado em código público (${where}) em ${when} e foi cortado na hora. Renove o token, atualize as aplicações que o usam e depois reative a chave.`,
    somewhere: 'código público',
  },
  menuFinishRenewal: 'Excluir token antigo',
  menuUndoRenewal: 'Desfazer renovação',
  menuHistory: 'Histórico',
  menuDelete: 'Excluir chave',
  refusedOwnRenew:
    'Não é possível renovar a chave com que você entrou. Peça a outro administrador de chaves.',
  refusedOwnDelete: 'Não é possível excluir a chave com que você entrou.',
  refusedMorePrivileged: 'Esta chave tem permissões que a sua não tem, então a sua chave não pode alterá-la.',

  generateTitle: 'Gerar chave',
  nameLabel: 'Nome',
  nameHint: 'O que vai usar esta chave, por exemplo “Integração ERP”.',
  nameRequired: 'Dê um nome à chave.',
  rolesLegend: 'Perfis de acesso',
  rolesHint: 'Nenhum vem selecionado: escolha só os perfis de que esta chave precisa.',
  overPermissive:
    'Evite perfis permissivos demais. Quem tiver esta chave pode fazer tudo o que os perfis dela permitem; conceda o menor acesso que funcione.',
  managementWarning: (roles: string) =>
    `${roles} pode administrar chaves ou configurações. Dê esses perfis só a chaves que administram esta conta.`,
  generate: 'Gerar',
  working: 'Aguarde…',
  tokenTitle: 'Copie o token agora',
  tokenShownOnce:
    'Este token é exibido uma única vez. Copie-o e guarde-o em lugar seguro: ele não pode ser exibido de novo, só renovado.',
  copy: 'Copiar token',
  copied: 'Token copiado para a área de transferência.',
  copyFailed: 'Não foi possível copiar. Selecione o token e copie-o manualmente.',
  done: 'Concluir',
  share: {
    deliveryLegend: 'Como entregar o token',
    deliveryLink: 'Link de acesso único (recomendado)',
    deliveryLinkHint:
      'Você recebe um link que exibe o token uma única vez, para quem abri-lo primeiro, em até 24 horas. Ninguém vê o token aqui.',
    deliveryResponse: 'Mostrar o token agora',
    deliveryResponseHint:
      'O token aparece na próxima etapa, uma única vez. Copie-o antes de fechar a janela.',
    linkTitle: 'Copie o link agora',
    linkShownOnce: (date: string) =>
      `Este link é exibido uma única vez. Ele revela o token uma só vez, até ${date}. Envie-o somente para a pessoa que precisa do token.`,
    linkLabel: 'Link de acesso único',
    copyLink: 'Copiar link',
    linkCopied: 'Link copiado para a área de transferência.',
    linkCopyFailed: 'Não foi possível copiar. Selecione o link e copie-o manualmente.',
    didYouCopy: 'Você copiou?',
    didYouCopyLink:
      'O link não será exibido de novo. Se fechar sem copiá-lo, revogue o link e renove o token para gerar um link novo.',
    didYouCopyToken: 'O token não será exibido de novo. Se fechar sem copiá-lo, será preciso renová-lo.',
    goBack: 'Voltar',
    closeAnyway: 'Fechar sem copiar',
    unopened: (date: string) => `Link não aberto · expira em ${date}`,
    menuRevoke: 'Revogar link',
    revokeTitle: 'Revogar o link?',
    revokeBody: (name: string) =>
      `O link ainda não aberto de “${name}” para de funcionar na hora. Ninguém viu o token que ele carrega: renove o token para entregar um novo.`,
    revokeConfirm: 'Revogar link',
    pageTitle: 'Entrega de token',
    heading: 'Um token foi compartilhado com você',
    intro:
      'Este link de acesso único guarda um token novo para a chave de API abaixo. O token é exibido uma única vez: depois de revelado, o link deixa de funcionar.',
    keyName: 'Nome da chave',
    validUntil: 'Link válido até',
    reveal: 'Revelar token',
    revealing: 'Revelando…',
    revealHint: 'Revele somente quando estiver pronto para copiá-lo: ele não poderá ser exibido de novo.',
    revealedNotice:
      'Este token não será exibido de novo: o link já foi usado. Copie-o e guarde-o em lugar seguro.',
    invalidTitle: 'Este link não funciona',
    invalid:
      'Este link não é válido: ele já foi aberto, expirou, foi revogado ou nunca existiu. Peça um link novo a quem o enviou.',
    spent:
      'Não foi possível revelar o token: este link já foi aberto (ele abre uma única vez), expirou ou foi revogado. Peça um link novo a quem o enviou.',
    noSecret:
      'Este endereço está incompleto: falta a parte depois de “#”. Abra o link exatamente como você o recebeu.',
  },

  editTitle: (name: string) => `Editar ${name}`,
  activeCheckbox: 'Ativa',
  activeHint: 'Uma chave inativa não consegue se autenticar.',
  save: 'Salvar',

  deactivateTitle: 'Desativar a chave?',
  deactivateBody: (name: string) =>
    `As aplicações que usam “${name}” deixam de se autenticar na hora. Você pode ativar a chave de novo depois.`,
  deactivateConfirm: 'Sim, desativar',

  renewTitle: (name: string) => `Renovar o token de ${name}`,
  deleteOldLegend: 'Excluir o token antigo',
  deleteOldLater: 'Depois',
  deleteOldLaterHint:
    'Os dois tokens funcionam até você excluir o antigo, assim as aplicações passam para o token novo sem interrupção.',
  deleteOldNow: 'Agora',
  deleteOldNowHint: 'O token antigo para de funcionar na hora.',
  renew: 'Renovar',
  newTokenTitle: 'Copie o token novo agora',

  finishTitle: 'Excluir o token antigo?',
  finishBody: (name: string) =>
    `O token antigo de “${name}” para de funcionar na hora. Confira se todas as aplicações já usam o token novo.`,
  finishConfirm: 'Excluir token antigo',
  undoTitle: 'Desfazer a renovação?',
  undoBody: (name: string) => `O token novo de “${name}” é excluído e o token antigo continua em uso.`,
  undoConfirm: 'Desfazer renovação',

  deleteTitle: 'Excluir a chave?',
  deleteBody: (name: string, appKey: string) =>
    `A chave “${name}” (${appKey}) e os tokens dela são excluídos para sempre. As aplicações que a usam deixam de se autenticar.`,
  deleteUnderstand: 'Entendo que esta ação não pode ser desfeita',
  deleteConfirm: 'Excluir chave',

  settingsTitle: 'Configurações de token',
  settingsIntro: 'Estas configurações valem para os tokens novos e existentes desta conta.',
  durationLegend: 'Duração do token',
  durationDays: (days: number) => `${days} dias`,
  recommended: '(recomendado)',
  warningLabel: 'Aviso antes da expiração (dias)',
  warningHint: (max: number) =>
    `As chaves mostram o alerta “Expirando” este número de dias antes de o token expirar: um número inteiro de 1 a ${max}.`,
  warningInvalid: (max: number) => `Informe um número inteiro de 1 a ${max}.`,
  enforceLabel: 'Aplicar a expiração',
  enforceHint: 'Tokens expirados são recusados. Desligue só durante uma migração.',
  apply: 'Aplicar',
  applied: 'Configurações aplicadas.',
  lastChanged: (date: string) => `Última alteração em ${date}.`,
  neverChanged: 'Valores padrão, nunca alterados.',
  impactCounting: 'Contando os tokens afetados por esta mudança…',
  impactNone: 'Nenhum token muda de alerta com estas configurações.',
  impact: (expiring: number, expired: number, fmt: (n: number) => string) =>
    `Aplicar isto leva ${expiring === 1 ? '1 token' : `${fmt(expiring)} tokens`} para “Expirando” e ${
      expired === 1 ? '1 token' : `${fmt(expired)} tokens`
    } para “Expirado”.`,
  impactEstimate: (keys: number, fmt: (n: number) => string) =>
    `Estimativa a partir das primeiras ${fmt(keys)} chaves: a conta tem mais, então os números reais podem ser maiores.`,
  impactUnknown: 'Não foi possível contar os tokens afetados.',
  confirmApplyTitle: 'Aplicar as novas configurações de token?',
  confirmApplyBody: 'Todos os tokens existentes desta conta recebem a nova expiração imediatamente.',
  confirmApply: 'Sim, aplicar',

  activityIntro:
    'Todas as alterações nas chaves e configurações desta conta, das mais recentes para as mais antigas.',
  activityKeyLabel: 'Chave',
  activityKeyHint: 'Uma chave de API completa: o que ela fez e o que foi feito com ela.',
  activityKeyInvalid:
    'Informe uma chave de API completa, como apk-sualoja-01J… (com as 26 letras e números do final).',
  activityActionLabel: 'Ação',
  activityActionAll: 'Todas as ações',
  activityFromLabel: 'De',
  activityToLabel: 'Até',
  activityRangeInvalid: 'A data em “De” é posterior à data em “Até”.',
  clearFilters: 'Limpar filtros',
  colWhen: 'Quando',
  colAction: 'Ação',
  colActor: 'Quem',
  colTarget: 'Alvo',
  colChanges: 'Alterações',
  noActivity: 'Nenhuma atividade corresponde a estes filtros.',
  noActivityYet: 'Nenhuma atividade registrada ainda.',
  entriesShown: (n: number) => (n === 1 ? 'Mostrando 1 registro.' : `Mostrando ${n} registros.`),
  retry: 'Tentar de novo',
  actorSystem: 'Sistema',
  actorShareLink: 'Link de compartilhamento',
  actorLeakReport: 'Denúncia de vazamento',
  targetRole: (name: string) => `Perfil de acesso ${name}`,
  targetExternalKey: (id: string) => `Chave terceira ${id}`,
  requestDetails: 'Detalhes da requisição',
  sourceIp: 'IP de origem',
  userAgent: 'Agente do usuário (user agent)',
  requestId: 'ID da requisição',
  notRecorded: 'Não registrado',
  noChanges: 'Nenhum campo alterado.',
  changedTo: 'alterado para',
  validUntil: (date: string) => `válido até ${date}`,
  noneValue: '(nenhum)',
  yes: 'Sim',
  no: 'Não',
  auditActions: {
    'key.created': 'Chave gerada',
    'key.updated': 'Chave editada',
    'key.activated': 'Chave ativada',
    'key.deactivated': 'Chave desativada',
    'key.deleted': 'Chave excluída',
    'token.renewed': 'Token renovado',
    'renewal.finished': 'Token antigo excluído',
    'renewal.undone': 'Renovação desfeita',
    'share.opened': 'Link de compartilhamento aberto',
    'share.revoked': 'Link de compartilhamento revogado',
    'settings.updated': 'Configurações alteradas',
    'role.created': 'Perfil de acesso criado',
    'role.updated': 'Perfil de acesso editado',
    'role.deleted': 'Perfil de acesso excluído',
    'external-key.added': 'Chave terceira adicionada',
    'external-key.updated': 'Chave terceira editada',
    'external-key.removed': 'Chave terceira removida',
    'token.leaked': 'Token denunciado como vazado',
    'renewal.flagged': 'Renovação sinalizada pela verificação de expiração',
  },
  auditFields: {
    name: 'Nome',
    roles: 'Perfis de acesso',
    status: 'Status',
    tokens: 'Tokens',
    tokenDurationDays: 'Duração do token',
    expiryWarningDays: 'Aviso antes da expiração (dias)',
    enforceExpiry: 'Aplicar a expiração',
    permissions: 'Permissões',
    description: 'Descrição',
  },

  problems: {
    'validation-error': 'Alguns valores não foram aceitos. Confira os campos indicados abaixo.',
    'confirmation-required': 'A exclusão não foi confirmada.',
    unauthorized:
      'Seu acesso não é mais válido: a chave pode ter sido desativada, excluída ou renovada. Saia e entre de novo.',
    forbidden: 'Sua chave não tem permissão para fazer isto.',
    'not-found': 'Esta chave não existe mais: alguém pode tê-la excluído. Recarregue a lista.',
    'renewal-pending': 'Já há uma renovação pendente: exclua o token antigo ou desfaça a renovação primeiro.',
    'no-pending-renewal': 'Não há mais renovação pendente para esta chave. Recarregue a lista.',
    'last-admin-key':
      'Esta é a última chave ativa que pode administrar chaves; a conta ficaria sem nenhuma. Antes, dê a outra chave ativa o perfil Proprietário ou Administrador de chaves.',
    conflict: 'Alguém alterou isto no mesmo instante. Tente de novo.',
    'precondition-failed':
      'Alguém alterou esta chave enquanto você a editava. Feche a janela, confira os novos valores e tente de novo.',
    'idempotency-mismatch': 'Este pedido já foi enviado com outros valores. Feche a janela e tente de novo.',
    'export-too-large':
      'Chaves demais atendem aos filtros para exportar de uma vez (no máximo 10.000). Restrinja a exportação com uma busca, um status ou um alerta.',
    'service-unavailable':
      'O serviço está indisponível por um instante. Nada foi alterado; tente de novo em seguida.',
    network: 'Não foi possível falar com a API. Verifique sua conexão e tente de novo.',
    unknown: 'Algo deu errado. Tente de novo e recarregue a página se continuar acontecendo.',
  },
  problemDetail: (detail: string) => `Detalhes da API: ${detail}`,

  roles: {
    owner: { name: 'Proprietário', description: 'Controle total de chaves, configurações e perfis.' },
    'key-admin': {
      name: 'Administrador de chaves',
      description: 'Gera, edita, renova e exclui chaves; altera as configurações de token.',
    },
    'key-viewer': { name: 'Visualizador de chaves', description: 'Lê chaves e configurações.' },
    'catalog-read': { name: 'Catálogo: leitura', description: 'Lê o catálogo.' },
    'catalog-write': { name: 'Catálogo: escrita', description: 'Lê e altera o catálogo.' },
    'orders-read': { name: 'Pedidos: leitura', description: 'Lê os pedidos.' },
    'orders-write': { name: 'Pedidos: escrita', description: 'Lê e altera os pedidos.' },
  },
};
